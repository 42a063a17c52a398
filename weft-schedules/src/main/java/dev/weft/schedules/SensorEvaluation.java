package dev.weft.schedules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One recorded evaluation of a sensor.
 *
 * @param time when it started (engine time)
 * @param cursorBefore the cursor it was given
 * @param cursorAfter the cursor stored after it (the same as before on an error or a plain skip)
 * @param requests the requests it made and what became of each
 * @param skipReason the skip reason it returned, else {@code null}
 * @param duration how long the evaluation took
 * @param error why it failed (the sensor threw, timed out, returned malformed requests, or a start
 *     failed), else {@code null}
 */
public record SensorEvaluation(
    Instant time,
    String cursorBefore,
    String cursorAfter,
    List<SensorRequestOutcome> requests,
    String skipReason,
    Duration duration,
    String error) {

  /** Copies the requests. */
  public SensorEvaluation {
    requests = requests == null ? List.of() : List.copyOf(requests);
  }

  /** Returns true if the evaluation failed. */
  public boolean failed() {
    return error != null;
  }
}
