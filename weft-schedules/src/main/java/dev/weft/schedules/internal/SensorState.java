package dev.weft.schedules.internal;

import dev.weft.schedules.SensorEvaluation;
import java.time.Duration;
import java.util.List;

/**
 * What a sensor's workflow carries from one run to the next (its input, and the argument of its
 * continue-as-new).
 *
 * @param name the sensor's name
 * @param minimumInterval the time between successful evaluations
 * @param paused whether it is paused
 * @param pauseNote the note of the pause, else {@code null}
 * @param cursor the stored cursor
 * @param consecutiveFailures failed evaluations since the last successful one
 * @param recentEvaluations the latest evaluations, newest last, at most {@link #KEPT_EVALUATIONS}
 */
public record SensorState(
    String name,
    Duration minimumInterval,
    boolean paused,
    String pauseNote,
    String cursor,
    int consecutiveFailures,
    List<SensorEvaluation> recentEvaluations) {
  /** How many evaluations a sensor keeps. */
  public static final int KEPT_EVALUATIONS = 50;

  /** Copies the evaluations. */
  public SensorState {
    recentEvaluations = recentEvaluations == null ? List.of() : List.copyOf(recentEvaluations);
  }

  /** The state of a sensor that has never evaluated. */
  public static SensorState initial(String name, Duration minimumInterval, boolean paused) {
    return new SensorState(
        name, minimumInterval, paused, paused ? "defined paused" : null, null, 0, List.of());
  }
}
