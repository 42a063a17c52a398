package dev.weft.server.api.activities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.RemoteActivityTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON bodies of the activity-task routes (schemas {@code Activities*} in the document). */
final class ActivityTaskBodies {
  private ActivityTaskBodies() {}

  /** {@code POST .../activity-tasks/poll} ({@code wait} in JSON: a record cannot name it so). */
  record PollRequest(
      String identity, List<String> activityTypes, @JsonProperty("wait") Duration maxWait) {}

  /** {@code POST .../activity-tasks/poll-batch}: a poll's fields and the most tasks to take. */
  record BatchPollRequest(
      String identity,
      List<String> activityTypes,
      @JsonProperty("wait") Duration maxWait,
      Integer maxTasks,
      List<CompleteBatchItem> reports) {}

  /**
   * The answer to a batch poll: the leased tasks, none when none came within the wait, and the
   * outcomes of the reports the poll carried (left out when it carried none).
   */
  record TaskBatch(List<Task> tasks, List<CompleteBatchOutcome> outcomes) {}

  /** A polled task. */
  record Task(
      String taskToken,
      String namespace,
      String taskQueue,
      String activityType,
      String workflowId,
      String runId,
      String activityId,
      int attempt,
      JsonNode input,
      Instant startedAt,
      Instant leaseUntil,
      Instant scheduleToCloseDeadline,
      Duration startToCloseTimeout,
      Duration heartbeatTimeout,
      JsonNode heartbeatDetails) {

    static Task of(RemoteActivityTask t) {
      return new Task(
          t.taskToken(),
          t.namespace(),
          t.taskQueue(),
          t.activityType(),
          t.workflowId(),
          t.runId(),
          t.activityId(),
          t.attempt(),
          JsonPayloads.toJson(t.input(), "the input of activity " + t.activityType()),
          t.startedAt(),
          t.leaseUntil(),
          t.scheduleToCloseDeadline(),
          t.startToCloseTimeout(),
          t.heartbeatTimeout(),
          JsonPayloads.toJson(
              t.heartbeatDetails(), "the heartbeat details of activity " + t.activityType()));
    }
  }

  /** {@code POST .../heartbeat}. */
  record HeartbeatRequest(JsonNode details) {}

  /** The answer to a heartbeat. */
  record HeartbeatResponse(boolean cancelRequested) {}

  /** {@code POST .../complete}. */
  record CompleteRequest(JsonNode result) {}

  /** {@code POST .../fail}. */
  record FailRequest(String type, String message, JsonNode details, Boolean nonRetryable) {}

  /** {@code POST .../activity-tasks/complete-batch}: the reports, 1 to 100. */
  record CompleteBatchRequest(List<CompleteBatchItem> items) {}

  /**
   * One report of a batch: the task token and either the result (as {@code complete}'s body) or the
   * failure (as {@code fail}'s body).
   */
  record CompleteBatchItem(String taskToken, JsonNode result, FailRequest failure) {}

  /** The answer to a batch of reports: one outcome per item, in the items' order. */
  record CompleteBatchResponse(List<CompleteBatchOutcome> outcomes) {}

  /**
   * What became of one report: {@code completed} (its result was recorded), {@code failed} (its
   * failure was recorded) or {@code refused} with the problem the single route would have answered.
   */
  record CompleteBatchOutcome(String taskToken, String outcome, ItemProblem problem) {}

  /** A problem document for one item (the answer's status stays 200). */
  record ItemProblem(String type, String title, int status, String detail, String field) {}
}
