package dev.weft.schedules;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sensor defined in code: its name, the time between its evaluations and its function.
 *
 * <pre>{@code
 * SensorDefinition blocks = SensorDefinition.of("new_blocks", Duration.ofSeconds(5), newBlocks);
 * }</pre>
 *
 * @param name 1 to 100 characters of letters, digits, {@code . _ -}; the sensor's workflow ID is
 *     {@code __weft_sensor:<name>} and the runs it requests are {@code <name>:<dedupeKey>}
 * @param minimumInterval the time between two evaluations while they succeed (longer with backoff
 *     while they fail); positive
 * @param function the user's evaluation
 * @param pausedAtStart true to create the sensor paused (applies when it is first created only: a
 *     sensor paused or unpaused at run time keeps that state across restarts)
 */
public record SensorDefinition(
    String name, Duration minimumInterval, SensorFunction function, boolean pausedAtStart) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /**
   * Validates the definition.
   *
   * @throws IllegalArgumentException naming the field, its value and what was expected
   */
  public SensorDefinition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "sensor name '"
              + name
              + "' is invalid: expected 1 to 100 letters, digits, '.', '_' or '-'");
    }
    if (minimumInterval == null || !minimumInterval.isPositive()) {
      throw new IllegalArgumentException(
          "minimumInterval of sensor '"
              + name
              + "' is "
              + minimumInterval
              + ": expected a positive duration");
    }
    Objects.requireNonNull(function, () -> "function of sensor '" + name + "' is required");
  }

  /** A sensor evaluating {@code function} every {@code minimumInterval}, running at start. */
  public static SensorDefinition of(
      String name, Duration minimumInterval, SensorFunction function) {
    return new SensorDefinition(name, minimumInterval, function, false);
  }

  /** Returns this definition created paused. */
  public SensorDefinition paused() {
    return new SensorDefinition(name, minimumInterval, function, true);
  }
}
