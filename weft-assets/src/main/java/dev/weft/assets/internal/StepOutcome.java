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
}
