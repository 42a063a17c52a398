package dev.weft.schedules.internal;

import dev.weft.schedules.RunRequest;
import java.time.Duration;
import java.util.List;

/**
 * The result of the evaluation activity: either a valid result (new cursor and requests, or a skip
 * reason) or an error, never both; recorded with the activity's completion.
 *
 * @param newCursor the cursor to store (ignored if {@code keepsCursor})
 * @param keepsCursor true if the stored cursor stays
 * @param requests the validated requests
 * @param skipReason the skip reason, else {@code null}
 * @param duration how long the user's function ran
 * @param error why the evaluation failed, else {@code null}
 */
public record EvaluationOutcome(
    String newCursor,
    boolean keepsCursor,
    List<RunRequest> requests,
    String skipReason,
    Duration duration,
    String error) {

  /** Copies the requests. */
  public EvaluationOutcome {
    requests = requests == null ? List.of() : List.copyOf(requests);
  }

  /** A failed evaluation: the cursor stays and nothing is started. */
  static EvaluationOutcome failed(String error, Duration duration) {
    return new EvaluationOutcome(null, true, List.of(), null, duration, error);
  }
}
