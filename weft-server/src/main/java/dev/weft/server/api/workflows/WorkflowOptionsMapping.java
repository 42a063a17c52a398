package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.Priority;
import dev.weft.common.RetryPolicy;
import dev.weft.server.http.ApiProblem;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code WorkflowOptions} of a request as the client's {@link WorkflowOptions}: every field, each
 * validation error a 400 that names the field ({@code options.retryPolicy.maximumInterval}).
 */
final class WorkflowOptionsMapping {
  private static final Pattern FIELD =
      Pattern.compile("^(WorkflowOptions|RetryPolicy|Priority)\\.(\\w+)");

  private WorkflowOptionsMapping() {}

  /**
   * The options of a start.
   *
   * @param pathWorkflowId the workflow ID the path names (signal- and update-with-start), or null
   * @param defaultConflict the conflict policy when the request sets none, or null for the client's
   *     default
   * @throws ApiProblem 400 naming the field of the first invalid value
   */
  static WorkflowOptions toOptions(
      WorkflowRequests.Options o, String pathWorkflowId, WorkflowIdConflictPolicy defaultConflict) {
    Bodies.required(o, "options");
    String workflowId = o.workflowId();
    if (pathWorkflowId != null) {
      if (workflowId != null && !workflowId.equals(pathWorkflowId)) {
        throw ApiProblem.badField(
            "options.workflowId",
            workflowId,
            "field 'options.workflowId' ("
                + workflowId
                + ") differs from the workflow ID of the path ("
                + pathWorkflowId
                + "); leave it out");
      }
      workflowId = pathWorkflowId;
    }
    WorkflowOptions.Builder b =
        WorkflowOptions.newBuilder()
            .workflowId(workflowId)
            .taskQueue(Bodies.requiredName(o.taskQueue(), "options.taskQueue"))
            .idReusePolicy(o.idReusePolicy())
            .idConflictPolicy(o.idConflictPolicy() != null ? o.idConflictPolicy() : defaultConflict)
            .workflowExecutionTimeout(
                Durations.parse("options.workflowExecutionTimeout", o.workflowExecutionTimeout()))
            .workflowRunTimeout(
                Durations.parse("options.workflowRunTimeout", o.workflowRunTimeout()))
            .startDelay(Durations.parse("options.startDelay", o.startDelay()));
    try {
      if (o.retryPolicy() != null) {
        b.retryPolicy(retryPolicy(o.retryPolicy()));
      }
      if (o.priority() != null) {
        b.priority(
            new Priority(
                o.priority().priority(),
                o.priority().fairnessKey(),
                o.priority().fairnessWeight()));
      }
      if (o.searchAttributes() != null) {
        for (Map.Entry<String, JsonNode> e : o.searchAttributes().entrySet()) {
          b.searchAttribute(
              e.getKey(),
              JsonValues.searchAttribute("options.searchAttributes." + e.getKey(), e.getValue()));
        }
      }
      if (o.memo() != null) {
        for (Map.Entry<String, JsonNode> e : o.memo().entrySet()) {
          Object value = JsonValues.toJava(e.getValue());
          if (value == null) {
            throw ApiProblem.badField(
                "options.memo." + e.getKey(),
                null,
                "field 'options.memo." + e.getKey() + "': a memo value must not be null");
          }
          b.memo(e.getKey(), value);
        }
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw named(e);
    }
  }

  private static RetryPolicy retryPolicy(WorkflowRequests.Retry r) {
    RetryPolicy.Builder b = RetryPolicy.newBuilder();
    String field = "options.retryPolicy.";
    if (r.initialInterval() != null) {
      b.initialInterval(Durations.parse(field + "initialInterval", r.initialInterval()));
    }
    if (r.backoffCoefficient() != null) {
      b.backoffCoefficient(r.backoffCoefficient());
    }
    if (r.maximumInterval() != null) {
      b.maximumInterval(Durations.parse(field + "maximumInterval", r.maximumInterval()));
    }
    if (r.maximumAttempts() != null) {
      b.maximumAttempts(r.maximumAttempts());
    }
    if (r.nonRetryableErrorTypes() != null) {
      if (r.nonRetryableErrorTypes().contains(null)) {
        throw ApiProblem.badField(
            field + "nonRetryableErrorTypes",
            null,
            "field '" + field + "nonRetryableErrorTypes' holds a null");
      }
      b.nonRetryableErrorTypes(r.nonRetryableErrorTypes().toArray(String[]::new));
    }
    return b.build();
  }

  /** The option validation's message names the field: {@code RetryPolicy.maximumInterval ...}. */
  private static ApiProblem named(IllegalArgumentException e) {
    String message = String.valueOf(e.getMessage());
    Matcher m = FIELD.matcher(message);
    if (!m.find()) {
      return ApiProblem.of(400, "invalid-argument", "Invalid argument", message);
    }
    String field =
        switch (m.group(1)) {
          case "RetryPolicy" -> "options.retryPolicy." + m.group(2);
          case "Priority" -> "options.priority." + m.group(2);
          default -> "options." + m.group(2);
        };
    return ApiProblem.badField(field, null, message);
  }
}
