package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.ClaimRequest;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sticky workflow tasks ({@link ClaimRequest#stickyWait()}): a run's next workflow task goes to the
 * owner that claimed the run's last one (it has the run cached), other owners get it only after it
 * waited the sticky wait, and claims without stickiness ignore all of it.
 */
public abstract class StickyClaimContract extends StoreContract {
  private static final Duration LEASE = Duration.ofSeconds(10);
  private static final Duration STICKY = Duration.ofSeconds(5);

  private List<WorkflowTaskRecord> claim(String owner, Instant now, Duration stickyWait) {
    return store.claimWorkflowTasks(
        new ClaimRequest(QUEUE, owner, owner.hashCode(), 10, now, LEASE, stickyWait));
  }

  /** Starts r1 with a task, has {@code owner} run it, and adds the run's next task at T0+1s. */
  private void runFirstTaskOn(String owner) {
    startRun("r1");
    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0, null));
    assertThat(claim(owner, T0, STICKY)).hasSize(1);
    commitOk(new Write.CompleteWorkflowTask("r1", QUEUE, owner.hashCode(), 0, T0));
    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0.plusSeconds(1), null));
  }

  @Test
  void aRunsNextTaskWaitsForTheOwnerThatRanItsLastOne() {
    runFirstTaskOn("node-a");
    assertThat(claim("node-b", T0.plusSeconds(2), STICKY)).isEmpty();
    assertThat(claim("node-a", T0.plusSeconds(2), STICKY))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("r1");
  }

  @Test
  void anotherOwnerTakesTheTaskOnceItWaitedTheStickyWaitAndTheRunMovesThere() {
    runFirstTaskOn("node-a");
    Instant late = T0.plusSeconds(1).plus(STICKY);
    assertThat(claim("node-b", late, STICKY))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("r1");
    commitOk(new Write.CompleteWorkflowTask("r1", QUEUE, "node-b".hashCode(), 0, late));

    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, late.plusSeconds(1), null));
    assertThat(claim("node-a", late.plusSeconds(2), STICKY)).isEmpty();
    assertThat(claim("node-b", late.plusSeconds(2), STICKY)).hasSize(1);
  }

  @Test
  void aTaskRearmedByItsCompletionStaysWithTheOwner() {
    startRun("r1");
    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0, null));
    assertThat(claim("node-a", T0, STICKY)).hasSize(1);
    // an inbox event arrived while node-a ran the task: completing it rearms the task
    commitOk(new Write.InsertInbox("r1", "SignalReceived", T0, TestData.bytes("s")));
    commitOk(new Write.CompleteWorkflowTask("r1", QUEUE, "node-a".hashCode(), 0, T0));
    assertThat(claim("node-b", T0.plusSeconds(1), STICKY)).isEmpty();
    assertThat(claim("node-a", T0.plusSeconds(1), STICKY)).hasSize(1);
  }

  @Test
  void claimsWithoutStickinessIgnoreWhoRanTheRun() {
    runFirstTaskOn("node-a");
    assertThat(claim("node-b", T0.plusSeconds(1), Duration.ZERO)).hasSize(1);
  }

  @Test
  void expiringAllLeasesForgetsWhichOwnerRanEachRun() {
    assumeExclusiveAccess();
    runFirstTaskOn("node-a");
    store.expireAllLeases(T0.plusSeconds(1));
    assertThat(claim("node-b", T0.plusSeconds(1), STICKY)).hasSize(1);
  }
}
