package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.store.Store;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code partitionDeadline}: the watch walks the asset's time windows in order, one deadline per
 * cycle ({@link FreshnessPolicy.PartitionDeadline#deadlineOf}). Its cursor is the last window
 * handled ({@link FreshnessRequest#checkedThrough}); the first is the first window whose deadline
 * is at or after the policy's registration (no violation before the policy existed). A partition
 * counts as there when its stored range holds a data version (materialized, stale, or being
 * rematerialized over earlier data).
 */
public final class PartitionDeadlineEvaluator implements FreshnessEvaluator {
  private final String namespace;
  private final Store store;
  private final AssetGraph graph;

  /** Creates the evaluator of one engine's namespace over the location's graph. */
  public PartitionDeadlineEvaluator(String namespace, Store store, AssetGraph graph) {
    this.namespace = namespace;
    this.store = store;
    this.graph = graph;
  }

  @Override
  public FreshnessCheck evaluate(
      FreshnessPolicyRecord policy, Instant now, FreshnessRequest request) {
    AssetKey key = AssetKey.of(policy.assetKey());
    if (!graph.contains(key)
        || !(graph.node(key).partitions() instanceof TimeWindowPartitions windows)) {
      return FreshnessCheck.policyGone();
    }
    FreshnessPolicy.PartitionDeadline rule =
        new FreshnessPolicy.PartitionDeadline(policy.deadline());
    long index =
        request.checkedThrough() == null
            ? rule.firstIndexDueAtOrAfter(windows, policy.registeredAt())
            : request.checkedThrough() + 1;
    if (index >= windows.declaredRange().end()) {
      return new FreshnessCheck(true, "", null, null, false, index);
    }
    String partition = windows.key(index, PartitionsContext.at(now));
    Instant materializedAt = materializedAt(policy.assetKey(), index);
    boolean violated =
        store
            .extension(FreshnessCatalog.class)
            .openViolation(namespace, policy.assetKey(), partition)
            .isPresent();
    return new FreshnessCheck(
        true, partition, rule.deadlineOf(windows, index), materializedAt, violated, index);
  }

  @Override
  public Instant lastMaterializedAt(String assetKey, String partition) {
    AssetKey key = AssetKey.of(assetKey);
    if (!graph.contains(key)
        || !(graph.node(key).partitions() instanceof TimeWindowPartitions windows)) {
      return null;
    }
    return materializedAt(assetKey, windows.index(partition, PartitionsContext.NONE));
  }

  @Override
  public boolean stillLate(String assetKey, FreshnessCheck seen) {
    return seen.partitionIndex() == null
        ? FreshnessEvaluator.super.stillLate(assetKey, seen)
        : materializedAt(assetKey, seen.partitionIndex()) == null;
  }

  /** When the range holding the partition last changed, if it holds data; null if it has none. */
  private Instant materializedAt(String assetKey, long index) {
    Optional<PartitionRangeState> range =
        store.extension(PartitionStatusReader.class).status(namespace, assetKey, index);
    return range
        .filter(r -> r.dataVersion() != null)
        .map(PartitionRangeState::updatedAt)
        .orElse(null);
  }
}
