package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.InvalidatePartitions;
import dev.weft.store.assets.partitions.PartitionObservation;
import dev.weft.store.assets.partitions.RecordPartitionObservations;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the whole-asset row of a partitioned asset ({@code state(ns, key, "")}: what the asset list,
 * the graph and the waiters on the whole asset read), kept by every partition write in its
 * transaction: MISSING until a partition is written, then the worst of the stored partitions
 * (FAILED, else STALE with the first stale partition's reasons, else FRESH), its current data the
 * latest materialization's or observation's, its last failure the latest failure's. A claim (a run
 * in progress) and its release leave the status as it was, as a run in progress does for an
 * unpartitioned asset. The graph is {@code daily -> weekly} (weekly reads daily), both partitioned.
 */
public abstract class PartitionSummaryContract extends PartitionStatusFixture {

  private void graph() {
    register(computed("daily", "c1"), computed("weekly", "c1", "daily"));
  }

  private void invalidate(String id, CascadeTarget... targets) {
    commitOk(new InvalidatePartitions(NS, id, List.of(targets), tick()));
  }

  @Test
  void itIsMissingUntilAPartitionIsWrittenThenFreshWithTheLatestMaterialization() {
    graph();
    assertThat(state("daily").status()).isEqualTo(AssetStatus.MISSING);
    assertThat(state("daily").current()).isNull();

    materialize("daily", 0, 10, "v1");
    AssetStateRecord first = state("daily");
    assertThat(first.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(first.reasons()).isEmpty();
    assertThat(first.dataVersion()).isEqualTo("v1");
    assertThat(first.current().runId()).isEqualTo("run-daily");
    assertThat(first.current().codeVersion()).isEqualTo("c1");

    materialize("daily", 20, 30, "v2");
    AssetStateRecord second = state("daily");
    assertThat(second.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(second.dataVersion()).as("the latest partition write's").isEqualTo("v2");
    assertThat(second.current().finishedAt()).isAfter(first.current().finishedAt());
    assertThat(state("weekly").status()).as("nothing written to it").isEqualTo(AssetStatus.MISSING);
  }

  @Test
  void anInvalidationMakesItStaleWithThePartitionsReasonUntilThoseAreMaterializedAgain() {
    graph();
    materialize("daily", 0, 10, "v1");
    materialize("weekly", 0, 10, "w1");
    StaleReason feed = newer("feed");
    StaleReason viaDaily = StaleReason.upstreamStale("daily", "daily");

    invalidate(
        "bad-feed",
        new CascadeTarget("daily", range(3, 5), feed),
        new CascadeTarget("weekly", range(3, 5), viaDaily));

    AssetStateRecord daily = state("daily");
    assertThat(daily.status()).isEqualTo(AssetStatus.STALE);
    assertThat(daily.reasons()).containsExactly(feed);
    assertThat(daily.dataVersion()).as("stale data is still its data").isEqualTo("v1");
    assertThat(state("weekly").status()).isEqualTo(AssetStatus.STALE);
    assertThat(state("weekly").reasons()).containsExactly(viaDaily);

    materialize("daily", 3, 4, "v2");
    assertThat(state("daily").status())
        .as("partition 4 is still stale")
        .isEqualTo(AssetStatus.STALE);
    materialize("daily", 4, 5, "v2");
    assertThat(state("daily").status()).isEqualTo(AssetStatus.FRESH);
    assertThat(state("daily").reasons()).isEmpty();
    assertThat(state("weekly").status()).isEqualTo(AssetStatus.STALE);

    materialize("weekly", 3, 5, "w2");
    assertThat(state("weekly").status()).isEqualTo(AssetStatus.FRESH);
  }

  @Test
  void aFailedPartitionMakesItFailedOverStaleKeepingItsDataUntilThatPartitionMaterializes() {
    graph();
    materialize("daily", 0, 10, "v1");
    Instant failedAt = failRange("daily", 4, 5, "no quotes for day 4");

    AssetStateRecord failed = state("daily");
    assertThat(failed.status()).isEqualTo(AssetStatus.FAILED);
    assertThat(failed.lastFailureMessage()).isEqualTo("IllegalStateException: no quotes for day 4");
    assertThat(failed.lastFailureAt()).isEqualTo(failedAt);
    assertThat(failed.dataVersion()).as("the previous good data stays current").isEqualTo("v1");

    invalidate("bad-feed", new CascadeTarget("daily", range(0, 2), newer("feed")));
    assertThat(state("daily").status()).as("FAILED wins over STALE").isEqualTo(AssetStatus.FAILED);

    materialize("daily", 4, 5, "v2");
    assertThat(state("daily").status()).isEqualTo(AssetStatus.STALE);
    assertThat(state("daily").dataVersion()).isEqualTo("v2");
    materialize("daily", 0, 2, "v3");
    assertThat(state("daily").status()).isEqualTo(AssetStatus.FRESH);
  }

  @Test
  void aClaimAndItsReleaseLeaveTheStatusAsItWas() {
    graph();
    materialize("daily", 0, 10, "v1");
    failRange("daily", 4, 5, "no quotes");
    materialize("weekly", 1, 2, "w1");
    invalidate("bad-feed", new CascadeTarget("weekly", range(1, 2), newer("daily")));

    claim("daily", 4, 5, "retry-1");
    claim("weekly", 1, 2, "retry-1");
    claim("daily", 10, 20, "retry-1");
    assertThat(state("daily").status())
        .as("retrying the failed partition: still failed until it lands")
        .isEqualTo(AssetStatus.FAILED);
    assertThat(state("weekly").status())
        .as("recomputing the stale partition: still stale until it lands")
        .isEqualTo(AssetStatus.STALE);
    assertThat(state("weekly").reasons()).containsExactly(newer("daily"));

    release("daily", 4, 20, "retry-1");
    release("weekly", 1, 2, "retry-1");
    assertThat(state("daily").status()).isEqualTo(AssetStatus.FAILED);
    assertThat(state("weekly").status()).isEqualTo(AssetStatus.STALE);
    assertThat(state("daily").dataVersion()).isEqualTo("v1");
  }

  @Test
  void observationsOfAPartitionedSourceMakeItFreshWithTheLatestObservedVersion() {
    register(source("feed"));
    commitOk(
        new RecordPartitionObservations(
            NS,
            "feed",
            List.of(
                new PartitionObservation(0, "h0", null), new PartitionObservation(1, "h1", null)),
            List.of(),
            tick()));

    AssetStateRecord feed = state("feed");
    assertThat(feed.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(feed.lastObservedDataVersion()).isEqualTo("h1");
    assertThat(feed.dataVersion()).isEqualTo("h1");
    assertThat(feed.current()).as("observed, never materialized").isNull();
  }

  @Test
  void anUnpartitionedDownstreamThatACascadeNamesKeepsItsOwnRow() {
    register(computed("daily", "c1"), computed("report", "c1", "daily"));
    materialize("report", "r1", "c1");

    materialize("daily", 0, 5, "v1", new CascadeTarget("report", range(0, 5), newer("daily")));

    AssetStateRecord report = state("report");
    assertThat(report.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(report.dataVersion()).isEqualTo("r1");
    assertThat(state("daily").status()).isEqualTo(AssetStatus.FRESH);
  }
}
