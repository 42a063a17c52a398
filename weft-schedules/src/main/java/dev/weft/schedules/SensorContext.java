package dev.weft.schedules;

import java.time.Instant;

/**
 * What a {@link SensorFunction} is given at an evaluation.
 *
 * @param sensorName the sensor's name
 * @param cursor the cursor the previous successful evaluation (or {@link Sensors#setCursor}) left,
 *     {@code null} at the first evaluation
 * @param evaluationTime the engine's time of this evaluation
 */
public record SensorContext(String sensorName, String cursor, Instant evaluationTime) {}
