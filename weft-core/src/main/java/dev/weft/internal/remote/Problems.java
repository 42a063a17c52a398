package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WeftApiException;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ActivityLeaseLostException;
import dev.weft.failure.ActivityNotFoundException;
import dev.weft.failure.DataConverterException;
import dev.weft.failure.InvalidQueryException;
import dev.weft.failure.InvalidResetPointException;
import dev.weft.failure.PayloadTooLargeException;
import dev.weft.failure.QueryFailedException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.UnknownUpdateException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.failure.UpdateFailedException;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.store.UnknownTaskQueueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;

/**
 * Turns a problem document (RFC 9457, {@code type} {@code https://weft.dev/problems/<slug>}) back
 * into the exception the embedded client throws for the same refusal. The parts of the exception
 * come from the problem's {@code detail} (the engine exception's message, read by {@link
 * EngineMessages}), else from extension members ({@code runId}, {@code runStatus}, {@code seq},
 * {@code workflowType}, {@code known}...), else from the call.
 */
final class Problems {
  private static final String PREFIX = "https://weft.dev/problems/";

  private Problems() {}

  static RuntimeException toException(int status, JsonNode doc, CallContext call) {
    String type = text(doc, "type");
    String slug = type != null && type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : type;
    String detail = text(doc, "detail");
    if (detail == null) {
      detail = "HTTP " + status;
    }
    if (slug == null) {
      return new WeftApiException(status, "http-" + status, detail, null);
    }
    String workflowId = or(text(doc, "workflowId"), call.workflowId());
    String runId = or(text(doc, "runId"), call.runId());
    String name = or(text(doc, "name"), call.name());
    return switch (slug) {
      case "workflow-not-found" -> new WorkflowNotFoundException(workflowId, runId);
      case "workflow-already-started" -> alreadyStarted(doc, detail, workflowId);
      case "activity-not-found", "activity-lease-lost" -> activity(slug, doc, detail, call);
      case "task-queue-not-found" -> unknownQueue(doc, detail, status, call);
      case "workflow-not-running" -> notRunning(doc, detail, call, workflowId, runId);
      case "unknown-workflow-type" -> unknownType(doc, detail, name);
      case "unknown-signal", "unknown-query", "unknown-update" ->
          unknownHandler(slug, doc, detail, name);
      case "invalid-query" -> invalidQuery(doc, detail, call);
      case "query-failed" ->
          new QueryFailedException(
              workflowId, name, WireFailures.cause(doc.get("failure"), detail));
      case "update-rejected" ->
          new UpdateRejectedException(
              workflowId, name, WireFailures.cause(doc.get("failure"), detail));
      case "update-failed" ->
          new UpdateFailedException(
              workflowId, name, WireFailures.cause(doc.get("failure"), detail));
      case "update-timed-out", "query-timed-out" ->
          new CompletionException(new TimeoutException(detail));
      case "invalid-reset-point" -> new InvalidResetPointException(detail);
      case "payload-too-large" -> tooLarge(doc, detail, status);
      case "invalid-payload" -> new DataConverterException(detail, null);
      case "invalid-argument", "invalid-field" -> new IllegalArgumentException(detail);
      case "invalid-state" -> new IllegalStateException(detail);
      default -> new WeftApiException(status, slug, detail, text(doc, "field"));
    };
  }

  private static RuntimeException alreadyStarted(JsonNode doc, String detail, String workflowId) {
    Matcher m = EngineMessages.match(EngineMessages.ALREADY_STARTED, detail);
    return new WorkflowAlreadyStartedException(
        m != null ? m.group("workflowId") : workflowId,
        or(text(doc, "runId"), text(doc, "existingRunId")),
        m != null ? m.group("detail") : detail);
  }

  /**
   * {@link ActivityLeaseLostException} or {@link ActivityNotFoundException} for the token the call
   * sent (its {@code name}), with the run and sequence number the problem names.
   */
  private static RuntimeException activity(
      String slug, JsonNode doc, String detail, CallContext call) {
    Matcher m = EngineMessages.match(EngineMessages.ACTIVITY_NOT_FOUND, detail);
    String token = m != null ? m.group("taskToken") : call.name();
    String why = m != null ? m.group("why") : detail;
    String runId = text(doc, "runId");
    long seq = doc.path("seq").asLong(-1);
    return slug.equals("activity-lease-lost")
        ? new ActivityLeaseLostException(token, runId, seq, why)
        : new ActivityNotFoundException(token, runId, seq, why);
  }

  /** {@link UnknownTaskQueueException} with the queues the server knows. */
  private static RuntimeException unknownQueue(
      JsonNode doc, String detail, int status, CallContext call) {
    String queue = or(text(doc, "taskQueue"), call.name());
    if (queue == null) {
      return new WeftApiException(status, "task-queue-not-found", detail, text(doc, "field"));
    }
    Matcher m = EngineMessages.match(EngineMessages.UNKNOWN_TASK_QUEUE, detail);
    Set<String> known = new TreeSet<>(known(doc));
    if (known.isEmpty() && m != null) {
      known.addAll(EngineMessages.names(m.group("known")));
    }
    return new UnknownTaskQueueException(queue, known);
  }

  private static RuntimeException notRunning(
      JsonNode doc, String detail, CallContext call, String workflowId, String runId) {
    Matcher m = EngineMessages.match(EngineMessages.NOT_RUNNING, detail);
    if (m == null) {
      return new WorkflowNotRunningException(call.operation(), workflowId, runId, status(doc));
    }
    return new WorkflowNotRunningException(
        m.group("operation"),
        m.group("workflowId"),
        m.group("runId"),
        WorkflowStatus.valueOf(m.group("status")));
  }

  private static RuntimeException unknownType(JsonNode doc, String detail, String name) {
    Matcher m = EngineMessages.match(EngineMessages.UNKNOWN_TYPE, detail);
    if (m == null) {
      return new UnknownWorkflowTypeException(
          or(text(doc, "workflowType"), name), text(doc, "taskQueue"), known(doc));
    }
    return new UnknownWorkflowTypeException(
        m.group("workflowType"), m.group("taskQueue"), EngineMessages.names(m.group("known")));
  }

  private static RuntimeException unknownHandler(
      String slug, JsonNode doc, String detail, String name) {
    Matcher m = EngineMessages.match(EngineMessages.UNKNOWN_HANDLER, detail);
    String type = m != null ? m.group("workflowType") : text(doc, "workflowType");
    String handler = m != null ? m.group("name") : name;
    List<String> known = m != null ? EngineMessages.names(m.group("known")) : known(doc);
    return switch (slug) {
      case "unknown-signal" -> new UnknownSignalException(type, handler, known);
      case "unknown-query" -> new UnknownQueryException(type, handler, known);
      default -> new UnknownUpdateException(type, handler, known);
    };
  }

  private static RuntimeException invalidQuery(JsonNode doc, String detail, CallContext call) {
    Matcher m = EngineMessages.match(EngineMessages.INVALID_QUERY, detail);
    String problem = m != null ? m.group("problem") : detail;
    int position = doc.path("position").asInt(-1);
    if (position < 0) {
      Matcher p = EngineMessages.POSITION.matcher(problem);
      position = p.find() ? Integer.parseInt(p.group(1)) : -1;
    }
    return new InvalidQueryException(
        m != null ? m.group("query") : or(text(doc, "query"), call.name()), problem, position);
  }

  private static RuntimeException tooLarge(JsonNode doc, String detail, int status) {
    Matcher m = EngineMessages.match(EngineMessages.TOO_LARGE, detail);
    if (m == null) {
      return new WeftApiException(status, "payload-too-large", detail, text(doc, "field"));
    }
    return new PayloadTooLargeException(
        m.group("what"), Long.parseLong(m.group("size")), Long.parseLong(m.group("limit")));
  }

  /** The closed run's status, when the problem names it. */
  private static WorkflowStatus status(JsonNode doc) {
    String named = text(doc, "runStatus");
    try {
      return named == null ? null : WorkflowStatus.valueOf(named);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static List<String> known(JsonNode doc) {
    List<String> names = new ArrayList<>();
    doc.path("known").forEach(n -> names.add(n.asText()));
    return names;
  }

  static String text(JsonNode doc, String field) {
    JsonNode n = doc == null ? null : doc.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String or(String first, String second) {
    return first != null ? first : second;
  }
}
