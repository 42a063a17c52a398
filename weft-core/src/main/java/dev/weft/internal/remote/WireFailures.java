package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.failure.ApplicationFailure;
import dev.weft.history.Failure;
import dev.weft.internal.codec.FailureConverter;
import java.time.Duration;

/**
 * Failures as the API carries them ({@code WorkflowFailure}: kind, type, message, cause chain,
 * without stack traces), rebuilt as the exceptions the embedded client throws.
 */
final class WireFailures {
  private WireFailures() {}

  /** The exception a {@code WorkflowFailure} document records, or one with {@code detail}. */
  static RuntimeException cause(JsonNode failure, String detail) {
    Failure f = failure(failure);
    if (f == null) {
      return new ApplicationFailure(detail, null, false, null);
    }
    return FailureConverter.toException(f);
  }

  static Failure failure(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    String delay = Problems.text(n, "nextRetryDelay");
    return new Failure(
        n.path("kind").asText(Failure.APPLICATION),
        Problems.text(n, "type"),
        Problems.text(n, "message"),
        null,
        n.path("nonRetryable").asBoolean(false),
        n.path("seq").asLong(0),
        n.path("attempt").asInt(0),
        failure(n.get("cause")),
        Problems.text(n, "workflowId"),
        Problems.text(n, "runId"),
        delay == null ? null : Duration.parse(delay));
  }
}
