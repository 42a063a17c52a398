package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.NonDeterminismFailure;
import dev.weft.client.PendingActivity;
import dev.weft.client.PendingTimer;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.Pause;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The response bodies of the workflow routes, as the OpenAPI document's schemas of the same names
 * describe them. Null fields are left out of the JSON; a JSON null result is a {@code NullNode} and
 * stays.
 */
final class WorkflowResponses {
  private WorkflowResponses() {}

  /** {@code WorkflowRunRef}. */
  record RunRef(String workflowId, String runId) {}

  /** {@code WorkflowUpdateWithStartResult}. */
  record UpdateWithStartResult(String workflowId, String runId, JsonNode result) {}

  /** {@code WorkflowQueryResult} and {@code WorkflowUpdateResult}. */
  record Result(JsonNode result) {}

  /** {@code WorkflowResult}. */
  record Outcome(
      String workflowId,
      WorkflowStatus status,
      JsonNode result,
      String runId,
      WorkflowFailureDocument failure) {}

  /** {@code WorkflowCount}. */
  record Count(long count, List<CountGroup> groups) {}

  /** {@code WorkflowCountGroup}: the runs of one value of the grouped field. */
  record CountGroup(String value, long count) {}

  /** {@code WorkflowListPage}. */
  record ListPage(List<Summary> workflows, String nextPageToken) {}

  /** {@code WorkflowHistoryPage}. */
  record HistoryPage(
      String workflowId,
      String runId,
      List<JsonNode> events,
      long nextEventId,
      String nextPageToken) {}

  /** {@code WorkflowSummary}. */
  record Summary(
      String workflowId,
      String runId,
      String workflowType,
      String taskQueue,
      WorkflowStatus status,
      Instant startTime,
      Instant closeTime,
      Pause pause) {

    static Summary of(WorkflowSummary s) {
      return new Summary(
          s.workflowId(),
          s.runId(),
          s.workflowType(),
          s.taskQueue(),
          s.status(),
          s.startTime(),
          s.closeTime(),
          s.pause());
    }
  }

  /** {@code WorkflowDescription}. */
  record Description(
      String workflowId,
      String runId,
      String workflowType,
      String taskQueue,
      WorkflowStatus status,
      Instant startTime,
      Instant closeTime,
      long historyLength,
      long historyBytes,
      List<Activity> pendingActivities,
      List<Timer> pendingTimers,
      int workflowTaskAttempt,
      String workflowTaskFailure,
      Instant runDeadline,
      Map<String, TypedAttribute> searchAttributes,
      Map<String, Object> memo,
      String historyWarning,
      Pause pause,
      String workflowTaskStallReason,
      NonDeterminism nonDeterminism) {

    static Description of(WorkflowDescription d, Map<String, SearchAttributeType> types) {
      return new Description(
          d.workflowId(),
          d.runId(),
          d.workflowType(),
          d.taskQueue(),
          d.status(),
          d.startTime(),
          d.closeTime(),
          d.historyLength(),
          d.historyBytes(),
          d.pendingActivities().stream().map(Activity::of).toList(),
          d.pendingTimers().stream().map(Timer::of).toList(),
          d.workflowTaskAttempt(),
          d.workflowTaskFailure(),
          d.runDeadline(),
          TypedAttribute.of(d.searchAttributes(), types),
          d.memo(),
          d.historyWarning(),
          d.pause(),
          d.workflowTaskStallReason(),
          NonDeterminism.of(d.nonDeterminism()));
    }
  }

  /**
   * {@code WorkflowTypedSearchAttribute}: a search attribute's value with its type, so that a
   * client tells a DATETIME from a string and a TEXT from a KEYWORD. The type is the engine's
   * registration; an attribute this engine has not registered (set by another node's code) gets the
   * type its value has, strings as KEYWORD.
   */
  record TypedAttribute(SearchAttributeType type, Object value) {
    static Map<String, TypedAttribute> of(
        Map<String, Object> values, Map<String, SearchAttributeType> types) {
      Map<String, TypedAttribute> typed = new java.util.TreeMap<>();
      values.forEach(
          (name, value) ->
              typed.put(name, new TypedAttribute(types.getOrDefault(name, typeOf(value)), value)));
      return typed;
    }

    private static SearchAttributeType typeOf(Object value) {
      return switch (value) {
        case Long l -> SearchAttributeType.INT;
        case Double x -> SearchAttributeType.DOUBLE;
        case Boolean b -> SearchAttributeType.BOOL;
        case java.time.Instant i -> SearchAttributeType.DATETIME;
        case List<?> l -> SearchAttributeType.KEYWORD_LIST;
        default -> SearchAttributeType.KEYWORD;
      };
    }
  }

  /** {@code WorkflowPendingActivity}. */
  record Activity(
      long seq,
      String activityType,
      String taskQueue,
      int attempt,
      boolean running,
      Instant nextAttemptAt,
      String lastFailure,
      String stallReason,
      String summary) {

    static Activity of(PendingActivity a) {
      return new Activity(
          a.seq(),
          a.activityType(),
          a.taskQueue(),
          a.attempt(),
          a.running(),
          a.nextAttemptAt(),
          a.lastFailure(),
          a.stallReason(),
          a.summary());
    }
  }

  /**
   * {@code WorkflowNonDeterminism}: the two sides of a non-determinism error; {@code eventId} is
   * left out when the code asked for more than the history has.
   */
  record NonDeterminism(Long eventId, String codeAskedFor, String historyHas) {
    static NonDeterminism of(NonDeterminismFailure f) {
      return f == null
          ? null
          : new NonDeterminism(
              f.eventId() > 0 ? f.eventId() : null, f.codeAskedFor(), f.historyHas());
    }
  }

  /** {@code WorkflowPendingTimer}. */
  record Timer(long seq, Instant fireAt, String summary) {
    static Timer of(PendingTimer t) {
      return new Timer(t.seq(), t.fireAt(), t.summary());
    }
  }
}
