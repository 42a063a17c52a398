package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.CommitResult;
import dev.weft.store.assets.MaterializationEntry;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.InvalidatePartitions;
import dev.weft.store.assets.partitions.InvalidationCount;
import dev.weft.store.assets.partitions.PartitionCounts;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins partition status kept as ranges of indexes: writes split the ranges they cut, adjacent
 * ranges with equal content merge, counts per status (whole asset and any window), a failure keeps
 * the data version, a claim keeps what is underneath and its release restores it, cascades and
 * invalidations make stale only what was materialized, and a write naming an asset outside the
 * graph changes nothing. Bars and paging: {@link PartitionReadContract}.
 */
public abstract class PartitionStatusContract extends PartitionStatusFixture {

  @Test
  void aMaterializedRangeIsCountedAndReadByIndex() {
    register(computed("blocks", "c1"));
    materialize("blocks", 100, 200, "v1");

    assertThat(layout("blocks")).containsExactly("[100, 200) MATERIALIZED v1");
    assertThat(partitions().counts(NS, "blocks")).isEqualTo(new PartitionCounts(100, 0, 0, 0));
    assertThat(partitions().counts(NS, "blocks", new IndexRange(150, 1000)))
        .isEqualTo(new PartitionCounts(50, 0, 0, 0));
    assertThat(partitions().counts(NS, "blocks", new IndexRange(0, 100)))
        .isEqualTo(PartitionCounts.NONE);
    PartitionRangeState at = partitions().status(NS, "blocks", 199).orElseThrow();
    assertThat(at.range()).isEqualTo(new IndexRange(100, 200));
    assertThat(at.runId()).isEqualTo("run-blocks");
    assertThat(at.materializationId()).isNotNull();
    assertThat(at.reasons()).isEmpty();
    assertThat(partitions().status(NS, "blocks", 200)).isEmpty();
    assertThat(partitions().status(NS, "blocks", 99)).isEmpty();
    assertThat(partitions().counts(NS, "unknown")).isEqualTo(PartitionCounts.NONE);
  }

  @Test
  void aRangedWriteIsOneHistoryEntryUnderItsPartitionText() {
    register(computed("blocks", "c1"));
    materialize("blocks", 0, 1000, "v1");
    failRange("blocks", 0, 1000, "node down");

    List<MaterializationEntry> entries =
        catalog().history(NS, "blocks", "0..999", null, 10).entries();
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).failureMessage()).isEqualTo("node down");
    assertThat(entries.get(1).m().dataVersion()).isEqualTo("v1");
    assertThat(entries.get(1).id())
        .isEqualTo(partitions().status(NS, "blocks", 5).orElseThrow().materializationId());
  }

  @Test
  void aWriteInTheMiddleOfARangeSplitsItAndAFailureKeepsTheDataVersion() {
    register(computed("blocks", "c1"));
    materialize("blocks", 0, 100, "v1");
    failRange("blocks", 40, 60, "timeout");

    assertThat(layout("blocks"))
        .containsExactly(
            "[0, 40) MATERIALIZED v1", "[40, 60) FAILED v1", "[60, 100) MATERIALIZED v1");
    PartitionRangeState failed = partitions().status(NS, "blocks", 50).orElseThrow();
    assertThat(failed.failure()).isEqualTo("IllegalStateException: timeout");
    assertThat(failed.materializationId())
        .isEqualTo(partitions().status(NS, "blocks", 0).orElseThrow().materializationId());
    assertThat(partitions().counts(NS, "blocks")).isEqualTo(new PartitionCounts(80, 0, 20, 0));
    assertThat(partitions().counts(NS, "blocks", new IndexRange(50, 70)))
        .isEqualTo(new PartitionCounts(10, 0, 10, 0));

    materialize("blocks", 30, 70, "v2");
    assertThat(layout("blocks"))
        .containsExactly(
            "[0, 30) MATERIALIZED v1", "[30, 70) MATERIALIZED v2", "[70, 100) MATERIALIZED v1");
    assertThat(partitions().counts(NS, "blocks")).isEqualTo(new PartitionCounts(100, 0, 0, 0));
  }

  @Test
  void adjacentRangesWithEqualContentMerge() {
    register(computed("blocks", "c1"));
    claim("blocks", 0, 5, "backfill-1");
    claim("blocks", 10, 15, "backfill-1");
    claim("blocks", 5, 10, "backfill-1");

    assertThat(layout("blocks")).containsExactly("[0, 15) IN_PROGRESS null");
    assertThat(partitions().counts(NS, "blocks")).isEqualTo(new PartitionCounts(0, 0, 0, 15));

    claim("blocks", 15, 20, "backfill-2");
    assertThat(stored("blocks"))
        .extracting(r -> r.range() + " " + r.claimRunId())
        .containsExactly("[0, 15) backfill-1", "[15, 20) backfill-2");
  }

  @Test
  void aReleasedClaimRestoresWhatWasUnderneathAndMergesBack() {
    register(computed("blocks", "c1"));
    materialize("blocks", 0, 100, "v1");
    long id = partitions().status(NS, "blocks", 0).orElseThrow().materializationId();
    claim("blocks", 40, 120, "backfill-1");

    PartitionRangeState claimed = partitions().status(NS, "blocks", 50).orElseThrow();
    assertThat(claimed.status()).isEqualTo(PartitionStatus.IN_PROGRESS);
    assertThat(claimed.previousStatus()).isEqualTo(PartitionStatus.MATERIALIZED);
    assertThat(claimed.dataVersion()).isEqualTo("v1");
    assertThat(claimed.claimRunId()).isEqualTo("backfill-1");
    assertThat(partitions().status(NS, "blocks", 110).orElseThrow().previousStatus()).isNull();
    assertThat(partitions().counts(NS, "blocks")).isEqualTo(new PartitionCounts(40, 0, 0, 80));

    release("blocks", 0, 200, "another-run");
    assertThat(partitions().counts(NS, "blocks")).isEqualTo(new PartitionCounts(40, 0, 0, 80));

    release("blocks", 0, 200, "backfill-1");
    assertThat(layout("blocks")).containsExactly("[0, 100) MATERIALIZED v1");
    assertThat(partitions().status(NS, "blocks", 99).orElseThrow().materializationId())
        .isEqualTo(id);
    assertThat(partitions().counts(NS, "blocks")).isEqualTo(new PartitionCounts(100, 0, 0, 0));
  }

  @Test
  void aMaterializationReplacesAClaimAndClearsStaleReasons() {
    register(computed("up", "c1"), computed("blocks", "c1", "up"));
    materialize("blocks", 0, 10, "v1");
    materialize("up", 0, 10, "u2", new CascadeTarget("blocks", range(0, 10), newer("up")));
    claim("blocks", 0, 10, "backfill-1");
    materialize("blocks", 0, 5, "v2");

    assertThat(layout("blocks"))
        .containsExactly("[0, 5) MATERIALIZED v2", "[5, 10) IN_PROGRESS v1");
    assertThat(partitions().status(NS, "blocks", 0).orElseThrow().reasons()).isEmpty();
    assertThat(partitions().status(NS, "blocks", 5).orElseThrow().previousStatus())
        .isEqualTo(PartitionStatus.STALE);
  }

  @Test
  void aCascadeMakesStaleOnlyWhatIsMaterializedOrStale() {
    register(computed("up", "c1"), computed("down", "c1", "up"));
    materialize("down", 0, 50, "d1");
    failRange("down", 50, 60, "bad row");
    claim("down", 60, 70, "backfill-1");

    materialize("up", 0, 100, "u1", new CascadeTarget("down", range(0, 100), newer("up")));

    assertThat(layout("down"))
        .containsExactly("[0, 50) STALE d1", "[50, 60) FAILED null", "[60, 70) IN_PROGRESS null");
    assertThat(partitions().status(NS, "down", 0).orElseThrow().reasons())
        .containsExactly(newer("up"));
    assertThat(partitions().counts(NS, "down")).isEqualTo(new PartitionCounts(0, 50, 10, 10));

    StaleReason newest = StaleReason.upstreamNewerData("up", "u1", "u2");
    StaleReason code = StaleReason.codeVersionChanged("down", "c1", "c2");
    materialize("up", 0, 10, "u2", new CascadeTarget("down", range(0, 10), newest));
    commitOk(
        new InvalidatePartitions(
            NS, "code-change", List.of(new CascadeTarget("down", range(5, 10), code)), tick()));

    assertThat(partitions().status(NS, "down", 0).orElseThrow().reasons()).containsExactly(newest);
    assertThat(partitions().status(NS, "down", 5).orElseThrow().reasons())
        .containsExactly(newest, code);
    assertThat(partitions().status(NS, "down", 20).orElseThrow().reasons())
        .containsExactly(newer("up"));
    assertThat(layout("down"))
        .containsExactly(
            "[0, 5) STALE d1",
            "[5, 10) STALE d1",
            "[10, 50) STALE d1",
            "[50, 60) FAILED null",
            "[60, 70) IN_PROGRESS null");
  }

  @Test
  void anInvalidationReachesEveryTargetInOneTransactionAndRecordsWhatChanged() {
    register(
        computed("blocks", "c1"), computed("txs", "c1", "blocks"), computed("daily", "c1", "txs"));
    materialize("blocks", 0, 10_000, "b1");
    materialize("txs", 0, 5_000, "t1");
    materialize("daily", 0, 10, "d1");
    commitOk(
        new InvalidatePartitions(
            NS,
            "reorg-1",
            List.of(new CascadeTarget("txs", range(4_000, 4_100), newer("blocks"))),
            tick()));

    StaleReason reorg =
        new StaleReason(
            dev.weft.store.assets.StaleReasonKind.UPSTREAM_NEWER_DATA,
            "blocks",
            "blocks",
            "re-org");
    commitOk(
        new InvalidatePartitions(
            NS,
            "reorg-2",
            List.of(
                new CascadeTarget("blocks", range(4_000, 6_000), reorg),
                new CascadeTarget(
                    "txs", range(4_000, 6_000), StaleReason.upstreamStale("blocks", "blocks")),
                new CascadeTarget(
                    "daily", range(4, 6), StaleReason.upstreamStale("txs", "blocks"))),
            tick()));

    assertThat(partitions().invalidation(NS, "reorg-2"))
        .containsExactly(
            new InvalidationCount("blocks", 2_000),
            new InvalidationCount("txs", 900),
            new InvalidationCount("daily", 2));
    assertThat(partitions().invalidation(NS, "reorg-1"))
        .containsExactly(new InvalidationCount("txs", 100));
    assertThat(partitions().invalidation(NS, "unknown")).isEmpty();
    assertThat(partitions().counts(NS, "blocks"))
        .isEqualTo(new PartitionCounts(8_000, 2_000, 0, 0));
    assertThat(partitions().counts(NS, "txs")).isEqualTo(new PartitionCounts(4_000, 1_000, 0, 0));

    CommitResult.Conflict again =
        commitConflict(
            new InvalidatePartitions(
                NS, "reorg-2", List.of(new CascadeTarget("daily", range(0, 1), reorg)), tick()));
    assertThat(again.reason()).contains("reorg-2");
    assertThat(partitions().status(NS, "daily", 0).orElseThrow().status())
        .isEqualTo(PartitionStatus.MATERIALIZED);
  }

  @Test
  void aWriteNamingAnAssetOutsideTheGraphChangesNothing() {
    register(computed("blocks", "c1"), computed("txs", "c1", "blocks"));
    materialize("txs", 0, 10, "t1");

    CommitResult.Conflict cascade =
        commitConflict(
            materialized(
                "blocks",
                0,
                10,
                "b1",
                new CascadeTarget("txs", range(0, 10), newer("blocks")),
                new CascadeTarget("ghost", range(3, 4), newer("blocks"))));
    assertThat(cascade.reason()).contains("ghost", "[3, 4)", NS);
    assertThat(partitions().counts(NS, "blocks")).isEqualTo(PartitionCounts.NONE);
    assertThat(layout("txs")).containsExactly("[0, 10) MATERIALIZED t1");
    assertThat(catalog().history(NS, "blocks", "0..9", null, 10).entries()).isEmpty();

    CommitResult.Conflict root =
        commitConflict(
            new InvalidatePartitions(
                NS,
                "x",
                List.of(
                    new CascadeTarget("txs", range(0, 10), newer("blocks")),
                    new CascadeTarget("ghost", range(0, 1), newer("blocks"))),
                tick()));
    assertThat(root.reason()).contains("ghost");
    assertThat(layout("txs")).containsExactly("[0, 10) MATERIALIZED t1");
    assertThat(partitions().invalidation(NS, "x")).isEmpty();
    assertThat(commitConflict(materialized("ghost", 0, 1, "g")).reason()).contains("ghost");
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> new CascadeTarget("txs", IndexRangeSet.empty(), newer("blocks")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partitions (of asset txs) is empty");
    assertThatThrownBy(
            () ->
                materialized(
                    "blocks",
                    0,
                    1,
                    "v",
                    new CascadeTarget("txs", range(0, 1), newer("blocks")),
                    new CascadeTarget("txs", range(5, 6), newer("blocks"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cascade[1] repeats txs");
    assertThatThrownBy(() -> new InvalidatePartitions(NS, "i", List.of(), tick()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("targets of invalidation i is empty");
    assertThatThrownBy(() -> new CascadeTarget("not a key", range(0, 1), newer("blocks")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("assetKey 'not a key'");
    assertThatThrownBy(() -> produced("blocks", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dataVersion");
  }
}
