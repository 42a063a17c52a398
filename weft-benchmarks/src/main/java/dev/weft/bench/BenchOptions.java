package dev.weft.bench;

/**
 * The options of a benchmark run; each workload reads the ones it uses and defaults the others.
 *
 * @param store the store kind ({@code sqlite}, {@code postgres})
 * @param workflows the number of workflows (sequential, start, timers, recovery)
 * @param activities activities per workflow (sequential, recovery) or in parallel (fanout)
 * @param length the number of dependent activities (chain)
 * @param maxDelaySeconds the longest timer (timers)
 */
public record BenchOptions(
    String store, Integer workflows, Integer activities, Integer length, Integer maxDelaySeconds) {

  /** Validates the options; each error names the option and value. */
  public BenchOptions {
    if (store == null) {
      store = "sqlite";
    }
    positive("--workflows", workflows);
    positive("--activities", activities);
    positive("--length", length);
    positive("--max-delay", maxDelaySeconds);
  }

  private static void positive(String option, Integer value) {
    if (value != null && value < 1) {
      throw new IllegalArgumentException(option + " must be >= 1, was " + value);
    }
  }

  /** Returns these options with every count divided by {@code factor} (at least 1). */
  BenchOptions scaledDown(int factor, int workflows, int activities, int length) {
    return new BenchOptions(
        store,
        Math.max(1, workflows(workflows) / factor),
        Math.max(1, activities(activities) / factor),
        Math.max(1, length(length) / factor),
        maxDelaySeconds);
  }

  int workflows(int fallback) {
    return workflows == null ? fallback : workflows;
  }

  int activities(int fallback) {
    return activities == null ? fallback : activities;
  }

  int length(int fallback) {
    return length == null ? fallback : length;
  }

  int maxDelaySeconds(int fallback) {
    return maxDelaySeconds == null ? fallback : maxDelaySeconds;
  }
}
