package dev.weft.schedules.internal;

import dev.weft.schedules.SensorEvaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param watchedAssets the paths of the assets it watches (empty: evaluated on its interval)
 * @param seenUntil per watched asset path, the materialization time up to which its changes were
 *     taken (the next wait asks for one after it)
 * @param changedAssets the watched asset paths that changed and that no successful evaluation has
 *     been given yet
 */
public record SensorState(
    String name,
    Duration minimumInterval,
    boolean paused,
    String pauseNote,
    String cursor,
    int consecutiveFailures,
    List<SensorEvaluation> recentEvaluations,
    List<String> watchedAssets,
    Map<String, Instant> seenUntil,
    List<String> changedAssets) {
  /** How many evaluations a sensor keeps. */
  public static final int KEPT_EVALUATIONS = 50;

  /** Copies the lists. */
  public SensorState {
    recentEvaluations = recentEvaluations == null ? List.of() : List.copyOf(recentEvaluations);
    watchedAssets = watchedAssets == null ? List.of() : List.copyOf(watchedAssets);
    seenUntil = seenUntil == null ? Map.of() : Map.copyOf(seenUntil);
    changedAssets = changedAssets == null ? List.of() : List.copyOf(changedAssets);
  }

  /** The state of a sensor that has never evaluated. */
  public static SensorState initial(
      String name, Duration minimumInterval, boolean paused, List<String> watchedAssets) {
    return new SensorState(
        name,
        minimumInterval,
        paused,
        paused ? "defined paused" : null,
        null,
        0,
        List.of(),
        watchedAssets,
        Map.of(),
        List.of());
  }
}
