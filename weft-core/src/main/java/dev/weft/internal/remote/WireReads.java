package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.client.AttentionKind;
import dev.weft.client.AttentionPage;
import dev.weft.client.AttentionReason;
import dev.weft.client.NonDeterminismFailure;
import dev.weft.client.PendingActivity;
import dev.weft.client.PendingTimer;
import dev.weft.client.RunNeedingAttention;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.Pause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's documents read back as the client's records. */
final class WireReads {
  private WireReads() {}

  static WorkflowDescription description(JsonNode n, WireValues values) {
    List<PendingActivity> activities = new ArrayList<>();
    for (JsonNode a : n.path("pendingActivities")) {
      activities.add(
          new PendingActivity(
              a.path("seq").asLong(),
              text(a, "activityType"),
              text(a, "taskQueue"),
              a.path("attempt").asInt(),
              a.path("running").asBoolean(),
              time(a, "nextAttemptAt"),
              text(a, "lastFailure"),
              text(a, "stallReason"),
              text(a, "summary")));
    }
    List<PendingTimer> timers = new ArrayList<>();
    for (JsonNode t : n.path("pendingTimers")) {
      timers.add(new PendingTimer(t.path("seq").asLong(), time(t, "fireAt"), text(t, "summary")));
    }
    Map<String, Object> memo = new LinkedHashMap<>();
    n.path("memo")
        .fields()
        .forEachRemaining(e -> memo.put(e.getKey(), values.read(e.getValue(), Object.class)));
    return new WorkflowDescription(
        text(n, "workflowId"),
        text(n, "runId"),
        text(n, "workflowType"),
        text(n, "taskQueue"),
        WorkflowStatus.valueOf(text(n, "status")),
        time(n, "startTime"),
        time(n, "closeTime"),
        n.path("historyLength").asLong(),
        n.path("historyBytes").asLong(),
        activities,
        timers,
        n.path("workflowTaskAttempt").asInt(),
        text(n, "workflowTaskFailure"),
        time(n, "runDeadline"),
        searchAttributes(n.path("searchAttributes")),
        memo,
        text(n, "historyWarning"),
        pause(n.get("pause")),
        text(n, "workflowTaskStallReason"),
        nonDeterminism(n.get("nonDeterminism")));
  }

  private static NonDeterminismFailure nonDeterminism(JsonNode n) {
    return n == null || n.isNull()
        ? null
        : new NonDeterminismFailure(
            n.path("eventId").asLong(), text(n, "codeAskedFor"), text(n, "historyHas"));
  }

  static AttentionPage attentionPage(JsonNode n) {
    List<RunNeedingAttention> runs = new ArrayList<>();
    for (JsonNode r : n.path("runs")) {
      List<AttentionReason> reasons = new ArrayList<>();
      for (JsonNode a : r.path("reasons")) {
        reasons.add(
            new AttentionReason(
                AttentionKind.valueOf(text(a, "kind")),
                a.path("attempt").asInt(),
                text(a, "message"),
                a.path("activitySeq").asLong(),
                text(a, "activityType")));
      }
      runs.add(
          new RunNeedingAttention(
              text(r, "workflowId"),
              text(r, "runId"),
              text(r, "workflowType"),
              text(r, "taskQueue"),
              time(r, "startTime"),
              reasons));
    }
    return new AttentionPage(runs, text(n, "nextPageToken"));
  }

  static WorkflowPage page(JsonNode n) {
    List<WorkflowSummary> runs = new ArrayList<>();
    for (JsonNode r : n.path("workflows")) {
      runs.add(
          new WorkflowSummary(
              text(r, "workflowId"),
              text(r, "runId"),
              text(r, "workflowType"),
              text(r, "taskQueue"),
              WorkflowStatus.valueOf(text(r, "status")),
              time(r, "startTime"),
              time(r, "closeTime"),
              pause(r.get("pause"))));
    }
    return new WorkflowPage(runs, text(n, "nextPageToken"));
  }

  /**
   * Search attribute values as the embedded client gives them, read by the type each one comes with
   * ({@code {"type": "INT", "value": 5}}): INT as Long, DOUBLE as Double, BOOL as Boolean, DATETIME
   * as Instant, KEYWORD_LIST as a list of strings, KEYWORD and TEXT as String.
   */
  private static Map<String, Object> searchAttributes(JsonNode n) {
    Map<String, Object> values = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> values.put(e.getKey(), searchAttribute(e.getValue())));
    return values;
  }

  private static Object searchAttribute(JsonNode typed) {
    JsonNode v = typed.path("value");
    return switch (SearchAttributeType.valueOf(typed.path("type").asText())) {
      case INT -> v.asLong();
      case DOUBLE -> v.asDouble();
      case BOOL -> v.asBoolean();
      case DATETIME -> java.time.OffsetDateTime.parse(v.asText()).toInstant();
      case KEYWORD_LIST -> {
        List<String> keywords = new ArrayList<>();
        v.forEach(k -> keywords.add(k.asText()));
        yield List.copyOf(keywords);
      }
      case KEYWORD, TEXT -> v.asText();
    };
  }

  private static Pause pause(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new Pause(time(n, "pausedAt"), text(n, "reason"), text(n, "identity"));
  }

  /** A history document for {@code WorkflowHistory.fromJson} from the pages' events. */
  static ObjectNode history(String workflowId, String runId, ArrayNode events) {
    ObjectNode n = ApiTransport.JSON.createObjectNode();
    n.put("workflowId", workflowId);
    n.put("runId", runId);
    n.set("events", events);
    return n;
  }

  static String text(JsonNode n, String field) {
    return Problems.text(n, field);
  }

  static Instant time(JsonNode n, String field) {
    String t = text(n, field);
    return t == null ? null : java.time.OffsetDateTime.parse(t).toInstant();
  }
}
