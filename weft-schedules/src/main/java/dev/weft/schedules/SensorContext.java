package dev.weft.schedules;

import dev.weft.assets.AssetKey;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link SensorFunction} is given at an evaluation.
 *
 * @param sensorName the sensor's name
 * @param cursor the cursor the previous successful evaluation (or {@link Sensors#setCursor}) left,
 *     {@code null} at the first evaluation
 * @param evaluationTime the engine's time of this evaluation
 * @param changedAssets for a sensor {@linkplain SensorDefinition#watching watching assets}: those
 *     with a new materialization since its previous successful evaluation; else empty
 */
public record SensorContext(
    String sensorName, String cursor, Instant evaluationTime, List<AssetKey> changedAssets) {
  /** Copies the list. */
  public SensorContext {
    changedAssets = changedAssets == null ? List.of() : List.copyOf(changedAssets);
  }

  /** The context of a sensor that watches no asset. */
  public SensorContext(String sensorName, String cursor, Instant evaluationTime) {
    this(sensorName, cursor, evaluationTime, List.of());
  }
}
