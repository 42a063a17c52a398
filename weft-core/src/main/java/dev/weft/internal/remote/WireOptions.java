package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.Priority;
import dev.weft.common.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/** {@link WorkflowOptions} as the API's {@code WorkflowOptions} document. */
final class WireOptions {
  private WireOptions() {}

  static ObjectNode of(WorkflowOptions o, WireValues values) {
    ObjectNode n = ApiTransport.JSON.createObjectNode();
    if (o.workflowId() != null) {
      n.put("workflowId", o.workflowId());
    }
    n.put("taskQueue", o.taskQueue());
    n.put("idReusePolicy", o.idReusePolicy().name());
    n.put("idConflictPolicy", o.idConflictPolicy().name());
    duration(n, "workflowExecutionTimeout", o.workflowExecutionTimeout());
    duration(n, "workflowRunTimeout", o.workflowRunTimeout());
    if (o.retryPolicy() != null) {
      n.set("retryPolicy", retryPolicy(o.retryPolicy()));
    }
    if (!o.searchAttributes().isEmpty()) {
      ObjectNode attributes = n.putObject("searchAttributes");
      o.searchAttributes().forEach((name, value) -> attributes.set(name, searchValue(value)));
    }
    if (!o.memo().isEmpty()) {
      ObjectNode memo = n.putObject("memo");
      for (Map.Entry<String, Object> e : o.memo().entrySet()) {
        memo.set(e.getKey(), values.value(e.getValue()));
      }
    }
    Priority p = o.priority();
    if (p != null && !p.equals(Priority.INHERIT)) {
      ObjectNode priority = n.putObject("priority");
      if (p.priority() != null) {
        priority.put("priority", p.priority());
      }
      if (p.fairnessKey() != null) {
        priority.put("fairnessKey", p.fairnessKey());
      }
      if (p.fairnessWeight() != null) {
        priority.put("fairnessWeight", p.fairnessWeight());
      }
    }
    if (!o.startDelay().isZero()) {
      duration(n, "startDelay", o.startDelay());
    }
    return n;
  }

  private static ObjectNode retryPolicy(RetryPolicy r) {
    ObjectNode n = ApiTransport.JSON.createObjectNode();
    duration(n, "initialInterval", r.initialInterval());
    n.put("backoffCoefficient", r.backoffCoefficient());
    duration(n, "maximumInterval", r.maximumInterval());
    n.put("maximumAttempts", r.maximumAttempts());
    r.nonRetryableErrorTypes().forEach(n.putArray("nonRetryableErrorTypes")::add);
    return n;
  }

  /** A search attribute value as JSON: times as RFC 3339 strings, the rest as they are. */
  private static JsonNode searchValue(Object value) {
    if (value instanceof Instant || value instanceof TemporalAccessor) {
      return ApiTransport.JSON.getNodeFactory().textNode(value.toString());
    }
    return ApiTransport.JSON.valueToTree(value);
  }

  static void duration(ObjectNode n, String field, Duration d) {
    if (d != null) {
      n.put(field, text(d));
    }
  }

  /** An ISO-8601 duration in the API's form: days, hours, minutes, seconds (no weeks, no signs). */
  static String text(Duration d) {
    return d.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
  }
}
