package dev.weft.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The named results of a workload, in the order they were added. */
public final class Figures {
  private final Map<String, Object> values = new LinkedHashMap<>();
  private OptionalDouble wallSeconds = OptionalDouble.empty();

  /** Adds a figure. */
  public Figures put(String name, Object value) {
    values.put(name, value instanceof Double d ? round(d) : value);
    return this;
  }

  /**
   * Sets what {@code wall_s} reports, for a workload whose measurement excludes part of its run
   * (starting processes); by default the runner times the whole run.
   */
  public Figures wallSeconds(double seconds) {
    wallSeconds = OptionalDouble.of(seconds);
    return this;
  }

  /** Returns the {@code wall_s} the workload set, if it set one. */
  public OptionalDouble wallSeconds() {
    return wallSeconds;
  }

  /** Returns the figures. */
  public Map<String, Object> values() {
    return values;
  }

  /** Returns the {@code p}-th percentile (0..100) of samples in nanoseconds, in milliseconds. */
  public static double percentileMillis(long[] nanos, double p) {
    if (nanos.length == 0) {
      return 0;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
