package dev.weft.assets;

import dev.weft.assets.partitions.PartitionCascade;
import dev.weft.assets.partitions.PartitionInvalidation;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.Write;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.InvalidatePartitions;
import dev.weft.store.assets.partitions.InvalidationCount;
import dev.weft.store.assets.partitions.PartitionObservation;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.RecordPartitionObservations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The partition writes of {@link AssetPartitions}: each computes its cascade with {@link
 * PartitionCascade} from the graph and commits one catalog write carrying it.
 */
final class PartitionWrites {
  private static final int OBSERVATION_ATTEMPTS = 5;

  private final Store store;
  private final String namespace;
  private final AssetGraph graph;
  private final Clock clock;
  private final DynamicKeyWrites dynamic;

  PartitionWrites(Store store, String namespace, AssetGraph graph, Clock clock) {
    this.store = store;
    this.namespace = namespace;
    this.graph = graph;
    this.clock = clock;
    this.dynamic =
        new DynamicKeyWrites(
            store,
            namespace,
            clock,
            () -> {
              Map<AssetKey, PartitionsDefinition> defs = new LinkedHashMap<>();
              graph.nodes().forEach(n -> defs.put(n.key(), n.partitions()));
              return defs;
            });
  }

  static long index(AssetKey asset, PartitionsDefinition def, String key, PartitionsContext ctx) {
    try {
      return def.index(key, ctx);
    } catch (PartitionKeyException e) {
      throw e.forAsset(asset);
    }
  }

  PartitionInvalidation invalidate(
      AssetKey asset, IndexRangeSet partitions, String reason, PartitionsContext ctx) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "reason (of the invalidation of asset " + asset + ") is blank: expected why");
    }
    String root = asset.path();
    List<CascadeTarget> targets = new ArrayList<>();
    targets.add(
        new CascadeTarget(
            root,
            partitions,
            new StaleReason(
                StaleReasonKind.UPSTREAM_NEWER_DATA, root, root, "invalidated: " + reason)));
    for (PartitionCascade.Reached r : cascade(asset, partitions, ctx)) {
      String via = r.via().get(0).path();
      targets.add(
          new CascadeTarget(
              r.asset().path(),
              r.partitions(),
              new StaleReason(
                  StaleReasonKind.UPSTREAM_STALE,
                  via,
                  root,
                  "upstream "
                      + via
                      + " is stale (root cause: "
                      + root
                      + " invalidated: "
                      + reason
                      + ")")));
    }
    String id = "invalidate-" + UUID.randomUUID();
    commit(new InvalidatePartitions(namespace, id, targets, clock.instant()));
    Map<AssetKey, Long> madeStale = new LinkedHashMap<>();
    for (InvalidationCount c : reader().invalidation(namespace, id)) {
      madeStale.put(AssetKey.of(c.assetKey()), c.partitionsMadeStale());
    }
    return new PartitionInvalidation(id, madeStale);
  }

  IndexRangeSet observe(AssetKey source, Map<Long, String> versions, PartitionsContext ctx) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException(
          "versions (of source " + source + ") is empty: expected at least one partition");
    }
    String conflict = null;
    for (int attempt = 0; attempt < OBSERVATION_ATTEMPTS; attempt++) {
      List<PartitionObservation> observations = new ArrayList<>();
      List<IndexRange> changed = new ArrayList<>();
      for (Map.Entry<Long, String> e : versions.entrySet()) {
        String stored =
            reader()
                .status(namespace, source.path(), e.getKey())
                .map(PartitionRangeState::dataVersion)
                .orElse(null);
        observations.add(new PartitionObservation(e.getKey(), e.getValue(), stored));
        if (stored != null && !stored.equals(e.getValue())) {
          changed.add(IndexRange.of(e.getKey()));
        }
      }
      IndexRangeSet changedSet = IndexRangeSet.of(changed);
      List<CascadeTarget> targets = new ArrayList<>();
      if (!changedSet.isEmpty()) {
        for (PartitionCascade.Reached r : cascade(source, changedSet, ctx)) {
          targets.add(new CascadeTarget(r.asset().path(), r.partitions(), observed(source, r)));
        }
      }
      CommitResult result =
          store
              .commit(
                  Batch.of(
                      new RecordPartitionObservations(
                          namespace, source.path(), observations, targets, clock.instant())))
              .join();
      if (!(result instanceof CommitResult.Conflict c)) {
        return changedSet;
      }
      conflict = c.reason();
    }
    throw new IllegalStateException(
        "observations of source "
            + source
            + " conflicted "
            + OBSERVATION_ATTEMPTS
            + " times; last: "
            + conflict);
  }

  private static StaleReason observed(AssetKey source, PartitionCascade.Reached r) {
    String via = r.via().get(0).path();
    if (via.equals(source.path())) {
      return new StaleReason(
          StaleReasonKind.UPSTREAM_NEWER_DATA,
          via,
          via,
          "upstream " + via + " has newer data: its observed data version changed");
    }
    return StaleReason.upstreamStale(via, source.path());
  }

  Map<String, Long> addDynamic(String name, List<String> keys) {
    return dynamic.add(name, keys);
  }

  void removeDynamic(String name, List<String> keys) {
    dynamic.remove(name, keys);
  }

  private List<PartitionCascade.Reached> cascade(
      AssetKey asset, IndexRangeSet partitions, PartitionsContext ctx) {
    return PartitionCascade.of(graph).downstreamOf(asset, partitions, ctx);
  }

  private void commit(Write write) {
    CommitResult result = store.commit(Batch.of(write)).join();
    if (result instanceof CommitResult.Conflict conflict) {
      throw new IllegalStateException(conflict.reason());
    }
  }

  private PartitionStatusReader reader() {
    return store.extension(PartitionStatusReader.class);
  }
}
