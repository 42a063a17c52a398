package dev.weft.assets;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a materialization: one {@link AssetOutcome} per asset of the plan, in dependency
 * order, and the failed blocking checks ({@code asset:check}).
 *
 * @param workflowId the materialization workflow's ID
 * @param outcomes one per asset
 * @param failedBlockingChecks the blocking checks that failed, as {@code key:check}
 */
public record MaterializationResult(
    String workflowId, List<AssetOutcome> outcomes, List<String> failedBlockingChecks) {

  /** Copies the lists. */
  public MaterializationResult {
    outcomes = List.copyOf(outcomes);
    failedBlockingChecks = List.copyOf(failedBlockingChecks);
  }

  /** Returns whether every asset materialized (or was observed) and no blocking check failed. */
  public boolean succeeded() {
    return failedBlockingChecks.isEmpty()
        && outcomes.stream()
            .allMatch(
                o ->
                    o.status() == AssetOutcome.Status.MATERIALIZED
                        || o.status() == AssetOutcome.Status.OBSERVED);
  }

  /** Returns the outcome of one asset, if it was in the plan. */
  public Optional<AssetOutcome> outcome(AssetKey key) {
    return outcomes.stream().filter(o -> o.key().equals(key)).findFirst();
  }

  /** Returns the keys with this status. */
  public List<AssetKey> keys(AssetOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).map(AssetOutcome::key).toList();
  }
}
