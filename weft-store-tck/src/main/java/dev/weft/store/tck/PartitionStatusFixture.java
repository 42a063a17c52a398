package dev.weft.store.tck;

import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.MarkPartitionsInProgress;
import dev.weft.store.assets.partitions.PartitionMaterialization;
import dev.weft.store.assets.partitions.PartitionRangePage;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.RecordPartitionsFailed;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import dev.weft.store.assets.partitions.ReleasePartitionsInProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the partition status contracts share: writes of ranges of partitions with the fixture's
 * clock, and the stored layout of an asset as text ({@code "[0, 40) MATERIALIZED v1"}).
 */
public abstract class PartitionStatusFixture extends AssetCatalogFixture {
  /** A window holding every index. */
  protected static final IndexRange ALL = new IndexRange(0, Long.MAX_VALUE);

  /** Returns the partition status reads of the store under test. */
  protected final PartitionStatusReader partitions() {
    return store.extension(PartitionStatusReader.class);
  }

  /** The set {@code [start, end)}. */
  protected static IndexRangeSet range(long start, long end) {
    return IndexRangeSet.of(new IndexRange(start, end));
  }

  /** What a compute of run {@code run-<asset>} produced, at the next tick. */
  protected final PartitionMaterialization produced(String asset, String dataVersion) {
    Instant started = tick();
    return new PartitionMaterialization(
        "run-" + asset, dataVersion, "c1", Map.of(), null, started, started.plusMillis(10));
  }

  /** The write materializing {@code [start, end)} of an asset with {@code dataVersion}. */
  protected final RecordPartitionsMaterialized materialized(
      String asset, long start, long end, String dataVersion, CascadeTarget... cascade) {
    return new RecordPartitionsMaterialized(
        NS,
        asset,
        range(start, end),
        start + ".." + (end - 1),
        produced(asset, dataVersion),
        List.of(cascade));
  }

  /** Commits {@link #materialized}. */
  protected final void materialize(
      String asset, long start, long end, String dataVersion, CascadeTarget... cascade) {
    commitOk(materialized(asset, start, end, dataVersion, cascade));
  }

  /**
   * Records a failure of {@code [start, end)} of an asset by run {@code run-<asset>} and returns
   * its time.
   */
  protected final Instant failRange(String asset, long start, long end, String message) {
    Instant at = tick();
    commitOk(
        new RecordPartitionsFailed(
            NS,
            asset,
            range(start, end),
            start + ".." + (end - 1),
            "run-" + asset,
            "IllegalStateException",
            message,
            at));
    return at;
  }

  /** Marks {@code [start, end)} of an asset in progress by {@code run}. */
  protected final void claim(String asset, long start, long end, String run) {
    commitOk(new MarkPartitionsInProgress(NS, asset, range(start, end), run, tick()));
  }

  /** Releases {@code run}'s claim on {@code [start, end)} of an asset. */
  protected final void release(String asset, long start, long end, String run) {
    commitOk(new ReleasePartitionsInProgress(NS, asset, range(start, end), run, tick()));
  }

  /** A stale reason: upstream {@code upstream} changed. */
  protected static StaleReason newer(String upstream) {
    return StaleReason.upstreamNewerData(upstream, "old", "new");
  }

  /** Every stored range of an asset, in index order, all statuses, read through paged reads. */
  protected final List<PartitionRangeState> stored(String asset) {
    List<PartitionRangeState> all = new ArrayList<>();
    for (PartitionStatus status : PartitionStatus.values()) {
      String token = null;
      do {
        PartitionRangePage page = partitions().ranges(NS, asset, status, ALL, token, 2);
        all.addAll(page.ranges());
        token = page.nextPageToken();
      } while (token != null);
    }
    all.sort(Comparator.comparing(PartitionRangeState::range));
    return all;
  }

  /** The stored layout of an asset as text: {@code "[0, 40) MATERIALIZED v1"} per range. */
  protected final List<String> layout(String asset) {
    List<String> lines = new ArrayList<>();
    for (PartitionRangeState r : stored(asset)) {
      lines.add(r.range() + " " + r.status() + " " + r.dataVersion());
    }
    return lines;
  }
}
