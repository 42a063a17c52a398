package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowIdReusePolicy;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of the workflow routes, as the OpenAPI document's {@code Workflow*Request}
 * schemas describe them. Read strictly ({@link dev.weft.server.http.ApiJson#read}); durations are
 * ISO-8601 text, parsed by {@link Durations} so that a bad one names its field.
 */
final class WorkflowRequests {
  private WorkflowRequests() {}

  /** {@code WorkflowStartRequest}. */
  record Start(String workflowType, List<JsonNode> args, Options options) {}

  /** {@code WorkflowSignalWithStartRequest}. */
  record SignalWithStart(
      String workflowType,
      List<JsonNode> args,
      Options options,
      String signalName,
      List<JsonNode> signalArgs) {}

  /** {@code WorkflowUpdateWithStartRequest}. */
  record UpdateWithStart(
      String workflowType,
      List<JsonNode> args,
      Options options,
      String updateName,
      List<JsonNode> updateArgs) {}

  /** {@code WorkflowOptions}. */
  record Options(
      String workflowId,
      String taskQueue,
      WorkflowIdReusePolicy idReusePolicy,
      WorkflowIdConflictPolicy idConflictPolicy,
      String workflowExecutionTimeout,
      String workflowRunTimeout,
      Retry retryPolicy,
      Map<String, JsonNode> searchAttributes,
      Map<String, JsonNode> memo,
      PriorityJson priority,
      String startDelay) {}

  /** {@code WorkflowRetryPolicy}. */
  record Retry(
      String initialInterval,
      Double backoffCoefficient,
      String maximumInterval,
      Integer maximumAttempts,
      List<String> nonRetryableErrorTypes) {}

  /** {@code WorkflowPriority}. */
  record PriorityJson(Integer priority, String fairnessKey, Double fairnessWeight) {}

  /** {@code WorkflowArgsRequest}: a signal's or a query's arguments. */
  record Args(List<JsonNode> args) {
    static final Args NONE = new Args(null);
  }

  /** {@code WorkflowUpdateRequest}. */
  record Update(List<JsonNode> args, String timeout) {
    static final Update NONE = new Update(null, null);
  }

  /** {@code WorkflowReasonRequest}: cancel, terminate, pause. */
  record Reason(String reason) {
    static final Reason NONE = new Reason(null);

    String text() {
      return reason == null ? "" : reason;
    }
  }

  /** {@code WorkflowResumeRequest}: no fields. */
  record Resume() {
    static final Resume NONE = new Resume();
  }

  /** {@code WorkflowResetRequest}. */
  record Reset(Long eventId, String reason) {}
}
