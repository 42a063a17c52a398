package dev.weft.engine;

/**
 * Resource-based worker tuning: a worker stops taking new tasks (claiming from its queues, and
 * taking tasks it creates itself) while this JVM is above either threshold, and resumes below them.
 * Running tasks are not touched. Other nodes, or this one later, take the work that waits.
 *
 * @param maxCpu the process CPU load, as a fraction of all cores (0 to 1), above which the worker
 *     stops claiming; 1 means no CPU limit
 * @param maxHeap the used heap, as a fraction of the maximum heap (0 to 1), above which the worker
 *     stops claiming; 1 means no heap limit
 */
public record ResourceLimits(double maxCpu, double maxHeap) {

  /** No limits. */
  public static final ResourceLimits NONE = new ResourceLimits(1.0, 1.0);

  /** Validates the thresholds; an error names the field and value. */
  public ResourceLimits {
    check("maxCpu", maxCpu);
    check("maxHeap", maxHeap);
  }

  /** Returns whether either threshold is below 1 (anything to check). */
  public boolean isLimited() {
    return maxCpu < 1.0 || maxHeap < 1.0;
  }

  private static void check(String field, double value) {
    if (!(value > 0) || value > 1) {
      throw new IllegalArgumentException(
          "ResourceLimits." + field + " must be a fraction in (0, 1], was " + value);
    }
  }
}
