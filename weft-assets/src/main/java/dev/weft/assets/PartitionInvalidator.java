package dev.weft.assets;

import dev.weft.assets.internal.InvalidateActivities;
import dev.weft.assets.internal.InvalidateOutcome;
import dev.weft.assets.internal.InvalidateRequest;
import dev.weft.assets.partitions.PartitionInvalidation;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link InvalidateActivities} on a node hosting the asset code: {@link AssetPartitions#invalidate}
 * with its cascade, then, when asked, {@link Assets#materialize(String, PartitionSelection)} of the
 * invalidated asset and every downstream asset it reached, over the invalidated keys. A
 * rematerialization needs every asset downstream of the invalidated one partitioned like it (one
 * partitioned run computes one definition's partitions); otherwise nothing is invalidated and the
 * request is refused.
 */
final class PartitionInvalidator implements InvalidateActivities {
  private final Supplier<Assets> assets;

  /** Works on the {@link Assets} {@code assets} gives (built after this is registered). */
  PartitionInvalidator(Supplier<Assets> assets) {
    this.assets = assets;
  }

  @Override
  public InvalidateOutcome invalidate(InvalidateRequest request) {
    try {
      return run(request);
    } catch (IllegalArgumentException e) {
      throw new ApplicationFailure(e.getMessage(), e.getClass().getSimpleName(), true, null);
    }
  }

  private InvalidateOutcome run(InvalidateRequest request) {
    Assets on = assets.get();
    AssetKey root = AssetKey.of(request.assetKey());
    if (!on.graph().contains(root)) {
      throw UnknownAssetException.of(List.of(root), on.graph().keys());
    }
    if (request.rematerialize()) {
      requireOneDefinition(on.graph(), root);
    }
    PartitionInvalidation done =
        request.keys().isEmpty()
            ? on.partitions().invalidate(root, request.from(), request.to(), request.reason())
            : on.partitions().invalidate(root, request.keys(), request.reason());
    List<InvalidateOutcome.InvalidatedCount> counts = new ArrayList<>();
    done.madeStale()
        .forEach((k, n) -> counts.add(new InvalidateOutcome.InvalidatedCount(k.path(), n)));
    if (!request.rematerialize()) {
      return new InvalidateOutcome(counts, null, null);
    }
    Set<String> selected = new LinkedHashSet<>(List.of(root.path()));
    done.madeStale().keySet().forEach(k -> selected.add(k.path()));
    PartitionSelection partitions =
        request.keys().isEmpty()
            ? PartitionSelection.range(request.from(), request.to())
            : PartitionSelection.keys(request.keys());
    MaterializationHandle run = on.materialize(String.join(", ", selected), partitions);
    return new InvalidateOutcome(counts, run.workflowId(), run.runId());
  }

  /** Refuses a rematerialization whose downstream assets are partitioned otherwise. */
  private static void requireOneDefinition(AssetGraph graph, AssetKey root) {
    PartitionsDefinition def = graph.node(root).partitions();
    Map<String, String> others = new java.util.TreeMap<>();
    for (AssetKey k : graph.downstreamClosure(List.of(root))) {
      PartitionsDefinition other = graph.node(k).partitions();
      if (!other.equals(def)) {
        others.put(k.path(), other.toString());
      }
    }
    if (!others.isEmpty()) {
      throw new IllegalArgumentException(
          "rematerialize of asset "
              + root
              + " ("
              + def
              + ") needs every downstream asset partitioned alike, but "
              + others
              + " differ: invalidate without rematerialize and materialize each definition's"
              + " assets separately");
    }
  }
}
