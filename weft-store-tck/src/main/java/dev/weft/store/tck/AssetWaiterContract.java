package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.InboxRecord;
import dev.weft.store.Write;
import dev.weft.store.assets.AssetWaitCondition;
import dev.weft.store.assets.AssetWaiterRecord;
import dev.weft.store.assets.AwaitAsset;
import dev.weft.store.assets.ForgetAssetWait;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the runs waiting for an asset ({@link AwaitAsset}): the registration wakes the run at once
 * when its condition holds, otherwise keeps a waiter that the catalog write making it hold wakes in
 * its own transaction (the run's inbox gets the waiter's event and the run a workflow task; the
 * waiter is gone), a write that does not make it hold leaves it waiting, a run that closed gets
 * nothing and its waiter goes, and {@link ForgetAssetWait} and deleting the run remove it. The
 * graph is {@code a -> b} (b reads a) and a source {@code s}.
 */
public abstract class AssetWaiterContract extends AssetCatalogFixture {

  private void graph() {
    register(computed("a", "v1"), computed("b", "v1", "a"), source("s"));
  }

  private AwaitAsset await(
      String waiter, String runId, String key, AssetWaitCondition c, Instant after) {
    return new AwaitAsset(
        NS,
        waiter,
        key,
        "",
        c,
        after,
        runId,
        QUEUE,
        "SignalReceived",
        bytes("wake " + waiter),
        tick());
  }

  @Test
  void aWaiterForFreshIsWokenByTheMaterializationThatMakesItFresh() {
    graph();
    startRun("r1");
    AwaitAsset await = await("w1", "r1", "a", AssetWaitCondition.FRESH, Instant.EPOCH);
    commitOk(await);

    assertThat(inboxOf("r1")).isEmpty();
    assertThat(store.findWorkflowTask("r1")).isEmpty();
    assertThat(catalog().waiters(NS))
        .containsExactly(
            new AssetWaiterRecord(
                "w1", "a", "", AssetWaitCondition.FRESH, Instant.EPOCH, "r1", await.at()));

    materialize("b", "e1", "v1");
    assertThat(inboxOf("r1")).as("b is not the asset waited for").isEmpty();

    materialize("a", "d1", "v1");
    List<InboxRecord> inbox = store.readInbox("r1");
    assertThat(inbox).extracting(InboxRecord::type).containsExactly("SignalReceived");
    assertThat(inboxOf("r1")).containsExactly("wake w1");
    assertThat(store.findWorkflowTask("r1")).isPresent();
    assertThat(waiters()).isEmpty();
  }

  @Test
  void aConditionThatHoldsAtRegistrationWakesTheRunAtOnce() {
    graph();
    materialize("a", "d1", "v1");
    startRun("r1");

    commitOk(await("w1", "r1", "a", AssetWaitCondition.FRESH, Instant.EPOCH));

    assertThat(inboxOf("r1")).containsExactly("wake w1");
    assertThat(store.findWorkflowTask("r1")).isPresent();
    assertThat(waiters()).isEmpty();
  }

  @Test
  void aStaleAssetIsNotFreshUntilItIsMaterializedAgain() {
    graph();
    materialize("a", "d1", "v1");
    materialize("b", "e1", "v1", "a");
    materialize("a", "d2", "v1");
    startRun("r1");

    commitOk(await("w1", "r1", "b", AssetWaitCondition.FRESH, Instant.EPOCH));
    assertThat(inboxOf("r1")).isEmpty();
    fail("b", "boom");
    assertThat(inboxOf("r1")).as("a failure is not fresh").isEmpty();

    materialize("b", "e2", "v1", "a");
    assertThat(inboxOf("r1")).containsExactly("wake w1");
  }

  @Test
  void materializedAfterWaitsForAMaterializationNewerThanThePoint() {
    graph();
    materialize("a", "d1", "v1");
    startRun("r1");
    Instant point = tick();

    commitOk(await("w1", "r1", "a", AssetWaitCondition.MATERIALIZED_AFTER, point));
    assertThat(inboxOf("r1")).as("the materialization before the point").isEmpty();
    assertThat(waiters()).containsExactly("w1");

    materialize("a", "d1", "v1");
    assertThat(inboxOf("r1")).as("the same data again is a newer materialization").hasSize(1);
    assertThat(waiters()).isEmpty();
  }

  @Test
  void anObservationOfASourceAfterThePointWakesItsWaiter() {
    graph();
    startRun("r1");
    startRun("r2");
    commitOk(await("w1", "r1", "s", AssetWaitCondition.MATERIALIZED_AFTER, tick()));
    commitOk(await("w2", "r2", "s", AssetWaitCondition.FRESH, Instant.EPOCH));

    observe("s", "hash-1");

    assertThat(inboxOf("r1")).containsExactly("wake w1");
    assertThat(inboxOf("r2")).containsExactly("wake w2");
    assertThat(waiters()).isEmpty();
  }

  @Test
  void aWaiterWhoseRunClosedIsDroppedWithoutAConflict() {
    graph();
    startRun("r1");
    commitOk(await("w1", "r1", "a", AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, tick()));

    materialize("a", "d1", "v1");

    assertThat(state("a").dataVersion()).isEqualTo("d1");
    assertThat(inboxOf("r1")).isEmpty();
    assertThat(waiters()).isEmpty();
  }

  @Test
  void severalWaitersOfOneAssetAreAllWokenByOneWrite() {
    graph();
    startRun("r1");
    startRun("r2");
    commitOk(await("w1", "r1", "a", AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(await("w2", "r2", "a", AssetWaitCondition.MATERIALIZED_AFTER, Instant.EPOCH));
    commitOk(await("w3", "r2", "b", AssetWaitCondition.FRESH, Instant.EPOCH));

    materialize("a", "d1", "v1");

    assertThat(inboxOf("r1")).containsExactly("wake w1");
    assertThat(inboxOf("r2")).containsExactly("wake w2");
    assertThat(waiters()).containsExactly("w3");
  }

  @Test
  void forgettingAWaiterOrDeletingItsRunRemovesIt() {
    graph();
    startRun("r1");
    startRun("r2");
    commitOk(await("w1", "r1", "a", AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(await("w2", "r2", "a", AssetWaitCondition.FRESH, Instant.EPOCH));

    commitOk(new ForgetAssetWait(NS, "w1"));
    commitOk(new ForgetAssetWait(NS, "never-registered"));
    assertThat(waiters()).containsExactly("w2");

    commitOk(new Write.CloseRun("r2", WorkflowStatus.COMPLETED, tick()));
    commitOk(new Write.DeleteRun("r2"));
    assertThat(waiters()).isEmpty();

    materialize("a", "d1", "v1");
    assertThat(inboxOf("r1")).isEmpty();
  }

  @Test
  void registeringAWaiterAgainReplacesIt() {
    graph();
    startRun("r1");
    Instant later = tick().plusSeconds(3600);
    commitOk(await("w1", "r1", "a", AssetWaitCondition.FRESH, Instant.EPOCH));
    commitOk(await("w1", "r1", "a", AssetWaitCondition.MATERIALIZED_AFTER, later));

    assertThat(catalog().waiters(NS))
        .singleElement()
        .satisfies(w -> assertThat(w.condition()).isEqualTo(AssetWaitCondition.MATERIALIZED_AFTER));
    materialize("a", "d1", "v1");
    assertThat(inboxOf("r1")).as("materialized before the point").isEmpty();
  }
}
