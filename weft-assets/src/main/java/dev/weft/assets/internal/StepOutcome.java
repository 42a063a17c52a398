package dev.weft.assets.internal;

import java.util.List;

/**
 * How one step of a materialization ended.
 *
 * @param name the step (definition) name
 * @param keys the assets it produces
 * @param status MATERIALIZED, OBSERVED, FAILED or SKIPPED
 * @param errorType the error type of a failure, or null
 * @param message why it failed or was skipped, or null
 * @param failedBlockingChecks the names ({@code key:check}) of its blocking checks that failed
 */
public record StepOutcome(
    String name,
    List<String> keys,
    String status,
    String errorType,
    String message,
    List<String> failedBlockingChecks) {

  /** Returns whether its downstream steps may run. */
  public boolean letsDownstreamRun() {
    return ("MATERIALIZED".equals(status) || "OBSERVED".equals(status))
        && failedBlockingChecks.isEmpty();
  }

  /**
   * Returns the outcome of a partitioned step from its chunks' (each named by its partitions):
   * MATERIALIZED when every chunk materialized, else FAILED when a chunk failed, else SKIPPED; the
   * message lists the partitions of the chunks that failed or were skipped, with why.
   */
  public static StepOutcome ofChunks(String name, List<String> keys, List<StepOutcome> chunks) {
    boolean observed =
        !chunks.isEmpty() && chunks.stream().allMatch(c -> "OBSERVED".equals(c.status()));
    String status = observed ? "OBSERVED" : "MATERIALIZED";
    String errorType = null;
    StringBuilder why = new StringBuilder();
    java.util.Set<String> blocking = new java.util.LinkedHashSet<>();
    for (StepOutcome chunk : chunks) {
      blocking.addAll(chunk.failedBlockingChecks());
      if (chunk.letsDownstreamRun() || "MATERIALIZED".equals(chunk.status())) {
        continue;
      }
      if ("FAILED".equals(chunk.status())) {
        status = "FAILED";
        errorType = errorType == null ? chunk.errorType() : errorType;
      } else if (!"FAILED".equals(status)) {
        status = "SKIPPED";
      }
      why.append(why.isEmpty() ? "" : "; ")
          .append("partitions ")
          .append(chunk.name())
          .append(' ')
          .append(chunk.status().toLowerCase(java.util.Locale.ROOT))
          .append(chunk.message() == null ? "" : ": " + chunk.message());
    }
    return new StepOutcome(
        name,
        keys,
        status,
        errorType,
        why.isEmpty() ? null : why.toString(),
        List.copyOf(blocking));
  }
}
