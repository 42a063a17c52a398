package dev.weft.assets.internal.automation;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.internal.CatalogPartitionsContext;
import dev.weft.assets.partitions.PartitionEdge;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.Store;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessViolationRecord;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationAssetRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.PartitionRangePage;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts of a partitioned asset, per partition:
 *
 * <ul>
 *   <li>updated partitions: the upstream changes (materialized, observed) after the change its last
 *       fired evaluation covered, each mapped to the asset's partitions through the edge's
 *       partition mapping, less the partitions the asset materialized after them (by a run
 *       automation did not start: an automated run may not have read an update that landed while it
 *       ran);
 *   <li>missing partitions: the partitions that exist now and have no stored status (never
 *       materialized, not failed, not in progress);
 *   <li>late partitions: those with an open freshness violation.
 * </ul>
 *
 * Whole-asset facts (a cron tick, an upstream named in {@code anyUpstreamUpdated}) hold on the
 * latest partition. The code version is not compared per partition (false).
 */
final class PartitionFactsReader {
  /** The most upstream changes one evaluation reads; older ones beyond it count on the next. */
  private static final int CHANGES = 10_000;

  private static final int PAGE = 1_000;
  private static final List<PartitionStatus> PRESENT =
      List.of(
          PartitionStatus.MATERIALIZED,
          PartitionStatus.STALE,
          PartitionStatus.FAILED,
          PartitionStatus.IN_PROGRESS);

  private final String namespace;
  private final Store store;
  private final AssetGraph graph;
  private final Clock clock;

  PartitionFactsReader(String namespace, Store store, AssetGraph graph, Clock clock) {
    this.namespace = namespace;
    this.store = store;
    this.graph = graph;
    this.clock = clock;
  }

  /**
   * What exists now (time windows ended, dynamic keys added, integer ranges advanced) as of {@code
   * now}.
   */
  PartitionsContext context(Instant now) {
    return CatalogPartitionsContext.at(store, namespace, now);
  }

  AssetFacts read(
      AssetKey key,
      AutomationAssetRecord memory,
      Map<String, Map<AssetChangeKind, Long>> latest,
      String inProgressRunId,
      long to) {
    PartitionsContext ctx = context(clock.instant());
    PartitionsDefinition def = graph.node(key).partitions();
    IndexRangeSet all = def.validIndexes(ctx);
    long since = memory == null ? 0 : memory.handledSeq();
    Set<AssetKey> upstream = graph.upstream(key);
    Set<AssetKey> updatedUpstream = new TreeSet<>();
    IndexRangeSet updated = updated(key, memory, since, to, ctx, all, updatedUpstream);
    IndexRangeSet missing = missing(key, all);
    IndexRangeSet late = late(key, def, ctx);
    IndexRangeSet whole =
        all.isEmpty()
            ? IndexRangeSet.empty()
            : IndexRangeSet.of(IndexRange.of(all.ranges().getLast().end() - 1));
    return new AssetFacts(
        key,
        upstream,
        updatedUpstream,
        inProgressRunId,
        !missing.isEmpty(),
        false,
        FactsReader.seq(latest, key.path(), AssetChangeKind.CRON_TICK) > since,
        !late.isEmpty(),
        all,
        updated,
        missing,
        late,
        whole);
  }

  private IndexRangeSet updated(
      AssetKey key,
      AutomationAssetRecord memory,
      long since,
      long to,
      PartitionsContext ctx,
      IndexRangeSet all,
      Set<AssetKey> updatedUpstream) {
    Set<AssetKey> upstream = graph.upstream(key);
    List<String> involved = new ArrayList<>();
    involved.add(key.path());
    upstream.forEach(u -> involved.add(u.path()));
    List<AssetChangeRecord> changes =
        store.extension(AutomationLog.class).changesOf(namespace, involved, since, CHANGES);
    String automatedRun = memory == null ? null : memory.runId();
    IndexRangeSet pending = IndexRangeSet.empty();
    PartitionsDefinition own = graph.node(key).partitions();
    for (AssetChangeRecord c : changes) {
      if (c.seq() > to) {
        break;
      }
      AssetKey changed = AssetKey.of(c.assetKey());
      boolean newData =
          c.kind() == AssetChangeKind.MATERIALIZED || c.kind() == AssetChangeKind.OBSERVED;
      if (!newData) {
        continue;
      }
      if (changed.equals(key)) {
        if (c.partitions() != null && (automatedRun == null || !automatedRun.equals(c.runId()))) {
          pending = pending.minus(c.partitions());
        }
        continue;
      }
      if (!upstream.contains(changed)) {
        continue;
      }
      IndexRangeSet from =
          c.partitions() == null ? ConditionEvaluator.UNPARTITIONED : c.partitions();
      PartitionEdge edge = new PartitionEdge(graph.node(changed).partitions(), own, ctx, ctx);
      IndexRangeSet mapped;
      try {
        mapped = graph.mapping(changed, key).downstream(from, edge).intersect(all);
      } catch (PartitionKeyException e) {
        continue;
      }
      if (!mapped.isEmpty()) {
        pending = pending.union(mapped);
        updatedUpstream.add(changed);
      }
    }
    if (pending.isEmpty()) {
      updatedUpstream.clear();
    }
    return pending;
  }

  private IndexRangeSet missing(AssetKey key, IndexRangeSet all) {
    if (all.isEmpty()) {
      return all;
    }
    IndexRange window =
        new IndexRange(all.ranges().getFirst().start(), all.ranges().getLast().end());
    PartitionStatusReader reader = store.extension(PartitionStatusReader.class);
    List<IndexRange> present = new ArrayList<>();
    for (PartitionStatus status : PRESENT) {
      String token = null;
      do {
        PartitionRangePage page = reader.ranges(namespace, key.path(), status, window, token, PAGE);
        for (PartitionRangeState r : page.ranges()) {
          present.add(r.range());
        }
        token = page.nextPageToken();
      } while (token != null);
    }
    return all.minus(IndexRangeSet.of(present));
  }

  private IndexRangeSet late(AssetKey key, PartitionsDefinition def, PartitionsContext ctx) {
    List<IndexRange> late = new ArrayList<>();
    for (FreshnessViolationRecord v :
        store.extension(FreshnessCatalog.class).openViolations(namespace, key.path())) {
      try {
        late.add(IndexRange.of(def.index(v.partition(), ctx)));
      } catch (PartitionKeyException e) {
        // a violation of a key the definition no longer has: nothing to materialize
      }
    }
    return IndexRangeSet.of(late);
  }
}
