package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.failure.ApplicationFailure;
import java.time.Duration;

/**
 * Asynchronous activity completion over HTTP: the client's {@code completeActivity}, {@code
 * failActivity} and {@code heartbeatActivity} post to the routes remote workers report on ({@code
 * .../activity-tasks/{taskToken}/complete|fail|heartbeat}), so a report is fenced by the attempt's
 * lease as any worker's is; a refusal comes back as {@link
 * dev.weft.failure.ActivityLeaseLostException} or {@link
 * dev.weft.failure.ActivityNotFoundException}.
 */
final class ActivityReports {
  private final ApiTransport api;
  private final WireValues values;

  ActivityReports(ApiTransport api, WireValues values) {
    this.api = api;
    this.values = values;
  }

  void complete(String taskToken, Object result) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.set("result", values.value(result));
    report(taskToken, "complete", body);
  }

  /**
   * Fails the attempt with the failure's type (an {@link ApplicationFailure}'s type, else the
   * exception's class name, as the engine records it), message and non-retryable flag.
   */
  void fail(String taskToken, Throwable failure) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    if (failure instanceof ApplicationFailure a) {
      body.put("type", a.getType());
      body.put("nonRetryable", a.isNonRetryable());
    } else {
      body.put("type", failure.getClass().getName());
    }
    if (failure.getMessage() != null) {
      body.put("message", failure.getMessage());
    }
    report(taskToken, "fail", body);
  }

  void heartbeat(String taskToken, Object details) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.set("details", values.value(details));
    report(taskToken, "heartbeat", body);
  }

  private void report(String taskToken, String what, ObjectNode body) {
    if (taskToken == null || taskToken.isBlank()) {
      throw new IllegalArgumentException("a task token is required (not blank)");
    }
    api.post(
        "/activity-tasks/" + ApiTransport.segment(taskToken) + "/" + what,
        null,
        body,
        Duration.ZERO,
        CallContext.named(what + " activity", null, null, taskToken));
  }
}
