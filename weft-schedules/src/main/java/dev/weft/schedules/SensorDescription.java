package dev.weft.schedules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A sensor as an operator sees it ({@link Sensors#describe}).
 *
 * @param name the sensor's name
 * @param status running, paused or failing
 * @param pauseNote the note given when it was paused, else {@code null}
 * @param minimumInterval the time between evaluations while they succeed
 * @param cursor the stored cursor ({@code null} before the first one)
 * @param consecutiveFailures failed evaluations since the last successful one
 * @param nextEvaluationAt when it evaluates next, {@code null} while paused (and, for a sensor
 *     watching assets, while no change is known)
 * @param recentEvaluations the latest evaluations, newest last (at most 50)
 * @param watchedAssets the paths of the assets whose new materializations trigger it (empty for a
 *     sensor evaluated on its interval)
 */
public record SensorDescription(
    String name,
    SensorStatus status,
    String pauseNote,
    Duration minimumInterval,
    String cursor,
    int consecutiveFailures,
    Instant nextEvaluationAt,
    List<SensorEvaluation> recentEvaluations,
    List<String> watchedAssets) {

  /** Copies the lists. */
  public SensorDescription {
    recentEvaluations = recentEvaluations == null ? List.of() : List.copyOf(recentEvaluations);
    watchedAssets = watchedAssets == null ? List.of() : List.copyOf(watchedAssets);
  }
}
