package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowFailedException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a workflow's result by long-polling its result route (at most a minute per call, as the
 * API allows), following the chain from one run; a closed run that did not complete becomes the
 * {@link WorkflowFailedException} the embedded client throws.
 */
final class ResultWaits {
  private static final Duration LONGEST_POLL = Duration.ofSeconds(60);

  private final ApiTransport api;
  private final WireValues values;

  ResultWaits(ApiTransport api, WireValues values) {
    this.api = api;
    this.values = values;
  }

  /**
   * Waits at most {@code timeout} ({@code null}: without limit) for the chain from {@code runId}.
   */
  Object await(String workflowId, String runId, Type type, Duration timeout) {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    String path = RemoteCalls.workflowPath(workflowId) + "/result";
    CallContext call = CallContext.of("get the result of", workflowId, runId);
    while (true) {
      Duration wait = LONGEST_POLL;
      if (timeout != null) {
        long left = deadline - System.nanoTime();
        wait = Duration.ofNanos(Math.max(0, Math.min(left, LONGEST_POLL.toNanos())));
      }
      Map<String, String> query = RemoteCalls.run(runId);
      query.put("wait", WireOptions.text(wait));
      ApiTransport.Answer answer = api.get(path, query, wait, call);
      if (answer.status() == 200) {
        return outcome(workflowId, answer.body(), type);
      }
      if (timeout != null && deadline - System.nanoTime() <= 0) {
        throw new CompletionException(
            new TimeoutException("workflow '" + workflowId + "' did not close within " + timeout));
      }
    }
  }

  private Object outcome(String workflowId, JsonNode doc, Type type) {
    WorkflowStatus status = WorkflowStatus.valueOf(doc.path("status").asText());
    if (status == WorkflowStatus.COMPLETED) {
      return values.read(doc.get("result"), type);
    }
    throw new WorkflowFailedException(
        workflowId,
        Problems.text(doc, "runId"),
        status,
        WireFailures.cause(doc.get("failure"), "workflow ended " + status));
  }
}
