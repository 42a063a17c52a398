package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.assets.AssetWaitCondition;
import dev.weft.store.assets.AwaitAsset;
import dev.weft.store.assets.ForgetAssetWait;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.InvalidatePartitions;
import dev.weft.store.assets.partitions.PartitionObservation;
import dev.weft.store.assets.partitions.RecordPartitionObservations;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the waiters on one partition of a partitioned asset ({@link AwaitAsset} with a partition
 * index, asset-catalog V009): a write that makes that partition hold the condition wakes the run in
 * its transaction (inbox event, workflow task, waiter gone), and nothing else does (the
 * neighbouring partitions, the same index of another asset or namespace, a failure, an
 * invalidation, a claim). A cancelled run's release of its claims restores the partition, which
 * wakes a FRESH waiter only if the partition is materialized again; {@link ForgetAssetWait} (the
 * wait's timeout or cancellation) removes the waiter. The graph is {@code daily -> weekly}, both
 * partitioned, and a partitioned source {@code feed}.
 */
public abstract class PartitionWaiterContract extends PartitionStatusFixture {

  private void graph() {
    register(computed("daily", "c1"), computed("weekly", "c1", "daily"), source("feed"));
  }

  private AwaitAsset onPartition(
      String waiter, String asset, long index, AssetWaitCondition condition, Instant after) {
    return new AwaitAsset(
        NS,
        waiter,
        asset,
        "key-" + index,
        condition,
        after,
        "r1",
        QUEUE,
        "SignalReceived",
        bytes("wake " + waiter),
        tick(),
        index);
  }

  private void assertWaiting(String why) {
    assertThat(inboxOf("r1")).as(why).isEmpty();
    assertThat(store.findWorkflowTask("r1")).as(why).isEmpty();
  }

  private void assertWoken(String... waiterIds) {
    assertThat(inboxOf("r1"))
        .containsExactlyElementsOf(List.of(waiterIds).stream().map(w -> "wake " + w).toList());
    assertThat(store.findWorkflowTask("r1")).isPresent();
  }

  private void observe(String asset, long index, String version, String expected) {
    commitOk(
        new RecordPartitionObservations(
            NS,
            asset,
            List.of(new PartitionObservation(index, version, expected)),
            List.of(),
            tick()));
  }

  @Test
  void aFreshWaiterIsWokenOnlyByTheWriteThatMaterializesItsPartition() {
    graph();
    startRun("r1");
    commitOk(onPartition("w1", "daily", 5, AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(
        new RegisterAssetGraph("other", List.of(computed("daily", "c1")), tick()),
        new RecordPartitionsMaterialized(
            "other", "daily", range(5, 6), "5", produced("daily", "o1"), List.of()));

    materialize("daily", 0, 5, "v1");
    materialize("daily", 6, 10, "v1");
    materialize("weekly", 5, 6, "w1");
    failRange("daily", 5, 6, "no quotes");
    claim("daily", 5, 6, "retry-1");
    release("daily", 5, 6, "retry-1");
    commitOk(
        new InvalidatePartitions(
            NS, "bad", List.of(new CascadeTarget("daily", range(0, 10), newer("feed"))), tick()));
    observe("feed", 5, "h5", null);
    assertWaiting("no write materialized partition 5 of daily in namespace " + NS);
    assertThat(waiters()).containsExactly("w1");

    materialize("daily", 0, 10, "v2");
    assertWoken("w1");
    assertThat(waiters()).isEmpty();
  }

  @Test
  void aMaterializedAfterWaiterWantsAMaterializationOfItsPartitionNewerThanItsPoint() {
    graph();
    materialize("daily", 0, 10, "v1");
    startRun("r1");
    Instant point = tick();
    commitOk(onPartition("w1", "daily", 5, AssetWaitCondition.MATERIALIZED_AFTER, point));
    assertWaiting("materialized before the point");

    materialize("daily", 4, 5, "v2");
    materialize("daily", 6, 7, "v2");
    commitOk(
        new InvalidatePartitions(
            NS, "bad", List.of(new CascadeTarget("daily", range(5, 6), newer("feed"))), tick()));
    claim("daily", 0, 10, "rerun-1");
    release("daily", 0, 10, "rerun-1");
    assertWaiting("no new materialization of partition 5");

    materialize("daily", 5, 6, "v1");
    assertWoken("w1");
    assertThat(waiters()).isEmpty();
  }

  @Test
  void aConditionThatHoldsAtRegistrationWakesAtOnceAndAMissingPartitionWaits() {
    graph();
    materialize("daily", 0, 10, "v1");
    startRun("r1");

    commitOk(onPartition("w1", "daily", 12, AssetWaitCondition.FRESH, Instant.EPOCH));
    assertWaiting("partition 12 was never written");
    commitOk(onPartition("w2", "daily", 3, AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(onPartition("w3", "daily", 9, AssetWaitCondition.MATERIALIZED_AFTER, Instant.EPOCH));

    assertWoken("w2", "w3");
    assertThat(waiters()).containsExactly("w1");
  }

  @Test
  void aStalePartitionIsNotFreshUntilItIsMaterializedAgain() {
    graph();
    materialize("daily", 0, 10, "v1");
    materialize("weekly", 0, 10, "w1");
    materialize("daily", 0, 10, "v2", new CascadeTarget("weekly", range(0, 10), newer("daily")));
    startRun("r1");

    commitOk(onPartition("w1", "weekly", 5, AssetWaitCondition.FRESH, Instant.EPOCH));
    materialize("weekly", 0, 5, "w2");
    assertWaiting("partition 5 is still stale");

    materialize("weekly", 5, 10, "w2");
    assertWoken("w1");
  }

  @Test
  void aCancelledRunsReleaseRestoresThePartitionAndWakesOnlyWhatHoldsAgain() {
    graph();
    materialize("daily", 0, 5, "v1");
    claim("daily", 0, 10, "run-cancelled");
    startRun("r1");
    commitOk(onPartition("w1", "daily", 2, AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(onPartition("w2", "daily", 7, AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(onPartition("w3", "daily", 3, AssetWaitCondition.MATERIALIZED_AFTER, tick()));
    assertWaiting("in progress is not materialized");

    release("daily", 0, 10, "run-cancelled");

    assertThat(layout("daily")).containsExactly("[0, 5) MATERIALIZED v1");
    assertWoken("w1");
    assertThat(waiters()).containsExactly("w2", "w3");
  }

  @Test
  void aForgottenWaiterIsGoneAndAWriteOfItsPartitionWakesNothing() {
    graph();
    startRun("r1");
    commitOk(onPartition("w1", "daily", 5, AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(new ForgetAssetWait(NS, "w1"));
    assertThat(waiters()).isEmpty();

    materialize("daily", 5, 6, "v1");
    assertWaiting("forgotten");
  }

  @Test
  void anObservationWakesAWaiterOnItsPartitionOnly() {
    graph();
    observe("feed", 5, "same", null);
    startRun("r1");
    Instant point = tick();
    commitOk(onPartition("w1", "feed", 5, AssetWaitCondition.MATERIALIZED_AFTER, point));
    assertWaiting("observed before the point");

    observe("feed", 4, "same", null);
    observe("feed", 6, "other", null);
    assertWaiting("partitions 4 and 6 were observed, not 5");

    observe("feed", 5, "new", "same");
    assertWoken("w1");
  }
}
