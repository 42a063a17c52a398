package dev.weft.schedules;

import dev.weft.assets.AssetKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sensor defined in code: its name, the time between its evaluations and its function, and the
 * assets it watches, if any.
 *
 * <pre>{@code
 * SensorDefinition blocks = SensorDefinition.of("new_blocks", Duration.ofSeconds(5), newBlocks);
 * // evaluated on the commit of each new materialization of market/prices, at most once a minute
 * SensorDefinition prices =
 *     SensorDefinition.of("prices_landed", Duration.ofMinutes(1), onPrices)
 *         .watching(AssetKey.of("market/prices"));
 * }</pre>
 *
 * <p>A sensor that watches assets is not evaluated on a clock: it waits on the catalog (a durable
 * wait, {@code AssetWorkflow.awaitMaterialized}, that the store ends in the transaction recording
 * the materialization), then evaluates once the minimum interval since its previous evaluation has
 * passed, with {@link SensorContext#changedAssets()} naming what changed. Its engine must build
 * {@code Assets} (the waits run on the assets' internal queue).
 *
 * @param name 1 to 100 characters of letters, digits, {@code . _ -}; the sensor's workflow ID is
 *     {@code __weft_sensor:<name>} and the runs it requests are {@code <name>:<dedupeKey>}
 * @param minimumInterval the time between two evaluations while they succeed (longer with backoff
 *     while they fail); positive
 * @param function the user's evaluation
 * @param pausedAtStart true to create the sensor paused (applies when it is first created only: a
 *     sensor paused or unpaused at run time keeps that state across restarts)
 * @param watchedAssets the assets whose new materializations trigger an evaluation; empty for a
 *     sensor evaluated every {@code minimumInterval}
 */
public record SensorDefinition(
    String name,
    Duration minimumInterval,
    SensorFunction function,
    boolean pausedAtStart,
    List<AssetKey> watchedAssets) {
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
    watchedAssets = watchedAssets == null ? List.of() : List.copyOf(watchedAssets);
    if (watchedAssets.stream().distinct().count() != watchedAssets.size()) {
      throw new IllegalArgumentException(
          "watchedAssets of sensor '"
              + name
              + "' is "
              + watchedAssets
              + ": expected each asset once");
    }
  }

  /** A sensor evaluated every {@code minimumInterval}, watching no asset. */
  public SensorDefinition(
      String name, Duration minimumInterval, SensorFunction function, boolean pausedAtStart) {
    this(name, minimumInterval, function, pausedAtStart, List.of());
  }

  /** A sensor evaluating {@code function} every {@code minimumInterval}, running at start. */
  public static SensorDefinition of(
      String name, Duration minimumInterval, SensorFunction function) {
    return new SensorDefinition(name, minimumInterval, function, false);
  }

  /** Returns this definition created paused. */
  public SensorDefinition paused() {
    return new SensorDefinition(name, minimumInterval, function, true, watchedAssets);
  }

  /**
   * Returns this definition evaluated when one of {@code assets} gets a new materialization (at
   * most once per minimum interval) instead of every minimum interval.
   *
   * @throws IllegalArgumentException if no asset is given or one is given twice
   */
  public SensorDefinition watching(AssetKey... assets) {
    if (assets.length == 0) {
      throw new IllegalArgumentException(
          "watching() of sensor '" + name + "' got no asset: expected at least one asset key");
    }
    return new SensorDefinition(
        name, minimumInterval, function, pausedAtStart, Arrays.asList(assets));
  }
}
