package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.claim;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.ClaimRequest;
import dev.weft.store.CommitResult;
import dev.weft.store.TaskLease;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins workflow tasks: {@link Write.EnsureWorkflowTask} inserts at most one per run (a second is a
 * no-op, not a conflict); {@code claimWorkflowTasks} leases visible tasks of one queue, oldest
 * first, up to {@code maxTasks}, and a leased task is claimable again exactly when its lease ends;
 * completing and failing are fenced by the lease token; a completion that did not consume the whole
 * inbox re-arms the task instead of deleting it; a failure counts the attempt, keeps the failure
 * text and delays the task to its retry time.
 */
public abstract class WorkflowTaskContract extends StoreContract {
  private static final Duration LEASE = Duration.ofSeconds(30);

  @Test
  void ensureInsertsAVisibleUnleasedTask() {
    startRun("r1");

    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0.plusSeconds(5)));

    assertThat(store.findWorkflowTask("r1"))
        .contains(new WorkflowTaskRecord("r1", QUEUE, T0.plusSeconds(5), 1, null, null, 0));
  }

  @Test
  void ensureWithALeaseInsertsATaskLeasedToThatNode() {
    startRun("r1");
    TaskLease lease = new TaskLease("w1", 9, T0, T0.plusSeconds(10));

    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0, lease));

    assertThat(store.findWorkflowTask("r1"))
        .contains(new WorkflowTaskRecord("r1", QUEUE, T0.plusSeconds(10), 1, null, "w1", 9));
    assertThat(store.claimWorkflowTasks(claim("w2", 8, 1, T0.plusSeconds(5), LEASE))).isEmpty();
    commitOk(new Write.CompleteWorkflowTask("r1", QUEUE, 9, 0, T0.plusSeconds(1)));
    assertThat(store.findWorkflowTask("r1")).isEmpty();
  }

  @Test
  void secondEnsureIsANoOpNotAConflict() {
    startRun("r1");
    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0));

    commitOk(new Write.EnsureWorkflowTask("r1", "other", T0.plusSeconds(60)));

    assertThat(store.findWorkflowTask("r1"))
        .contains(new WorkflowTaskRecord("r1", QUEUE, T0, 1, null, null, 0));
    assertThat(store.stats().workflowTasks()).isEqualTo(1);
  }

  @Test
  void ensureLeavesALeasedTaskAsItIs() {
    givenTask("r1", QUEUE, T0);
    WorkflowTaskRecord leased = claimOne(claim("w1", 7, 1, T0, LEASE));

    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0));

    assertThat(store.findWorkflowTask("r1")).contains(leased);
  }

  @Test
  void advanceMakesALaterUnleasedTaskVisibleSooner() {
    startRun("r1");
    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0.plusSeconds(3600)));
    assertThat(store.claimWorkflowTasks(claim("w1", 7, 1, T0.plusSeconds(5), LEASE))).isEmpty();

    commitOk(new Write.AdvanceWorkflowTask("r1", QUEUE, T0.plusSeconds(5)));

    assertThat(store.findWorkflowTask("r1"))
        .contains(new WorkflowTaskRecord("r1", QUEUE, T0.plusSeconds(5), 1, null, null, 0));
    assertThat(store.claimWorkflowTasks(claim("w1", 7, 1, T0.plusSeconds(5), LEASE)))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("r1");
  }

  @Test
  void advanceLeavesAnEarlierTaskALeasedTaskAndNoTaskAsTheyAre() {
    givenTask("leased", QUEUE, T0);
    WorkflowTaskRecord leased = claimOne(claim("w1", 7, 1, T0, LEASE));
    startRun("early");
    commitOk(new Write.EnsureWorkflowTask("early", QUEUE, T0));
    startRun("none");

    commitOk(
        new Write.AdvanceWorkflowTask("early", QUEUE, T0.plusSeconds(5)),
        new Write.AdvanceWorkflowTask("leased", QUEUE, T0.plusSeconds(1)),
        new Write.AdvanceWorkflowTask("none", QUEUE, T0));

    assertThat(store.findWorkflowTask("early"))
        .contains(new WorkflowTaskRecord("early", QUEUE, T0, 1, null, null, 0));
    assertThat(store.findWorkflowTask("leased")).contains(leased);
    assertThat(store.findWorkflowTask("none")).isEmpty();
  }

  @Test
  void claimLeasesVisibleTasksOfThatQueueOnly() {
    givenTask("ready", QUEUE, T0);
    givenTask("later", QUEUE, T0.plusSeconds(1));
    givenTask("elsewhere", "other", T0);

    List<WorkflowTaskRecord> claimed = store.claimWorkflowTasks(claim("w1", 7, 10, T0, LEASE));

    assertThat(claimed).extracting(WorkflowTaskRecord::runId).containsExactly("ready");
    assertThat(store.findWorkflowTask("later").orElseThrow().isLeased()).isFalse();
    assertThat(store.findWorkflowTask("elsewhere").orElseThrow().isLeased()).isFalse();
  }

  @Test
  void claimSetsTheLeaseAndReturnsTheLeasedTask() {
    givenTask("r1", QUEUE, T0);
    Instant now = T0.plusSeconds(10);

    WorkflowTaskRecord claimed = claimOne(claim("w1", 7, 1, now, LEASE));

    WorkflowTaskRecord leased =
        new WorkflowTaskRecord("r1", QUEUE, now.plus(LEASE), 1, null, "w1", 7);
    assertThat(claimed).isEqualTo(leased);
    assertThat(store.findWorkflowTask("r1")).contains(leased);
  }

  @Test
  void claimReturnsAtMostMaxTasksInTheOrderTheyWereQueued() {
    for (int i = 4; i >= 0; i--) {
      givenTask("r" + i, QUEUE, T0.plusSeconds(i));
    }

    List<WorkflowTaskRecord> claimed =
        store.claimWorkflowTasks(claim("w1", 7, 3, T0.plusSeconds(10), LEASE));

    // one fairness key, one priority: first queued, first out (not by visibility time)
    assertThat(claimed).extracting(WorkflowTaskRecord::runId).containsExactly("r4", "r3", "r2");
    assertThat(store.claimWorkflowTasks(claim("w2", 8, 10, T0.plusSeconds(10), LEASE)))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("r1", "r0");
  }

  @Test
  void leasedTaskIsClaimableAgainExactlyWhenTheLeaseEnds() {
    givenTask("r1", QUEUE, T0);
    claimOne(claim("w1", 7, 1, T0, LEASE));

    Instant justBefore = T0.plus(LEASE).minusMillis(1);
    assertThat(store.claimWorkflowTasks(claim("w2", 8, 1, justBefore, LEASE))).isEmpty();
    WorkflowTaskRecord reclaimed = claimOne(claim("w2", 8, 1, T0.plus(LEASE), LEASE));

    assertThat(reclaimed.leaseOwner()).isEqualTo("w2");
    assertThat(reclaimed.leaseToken()).isEqualTo(8);
  }

  @Test
  void completingWithTheLeaseTokenDeletesTheTaskWhenTheInboxIsConsumed() {
    givenTask("r1", QUEUE, T0);
    commitOk(new Write.InsertInbox("r1", "SignalReceived", T0, bytes("s")));
    long inboxId = store.readInbox("r1").getFirst().inboxId();
    claimOne(claim("w1", 7, 1, T0, LEASE));

    commitOk(new Write.CompleteWorkflowTask("r1", QUEUE, 7, inboxId, T0.plusSeconds(1)));

    assertThat(store.findWorkflowTask("r1")).isEmpty();
  }

  @Test
  void completingWithAWrongTokenConflictsAndKeepsTheLease() {
    givenTask("r1", QUEUE, T0);
    WorkflowTaskRecord leased = claimOne(claim("w1", 7, 1, T0, LEASE));
    Write.CompleteWorkflowTask wrong = new Write.CompleteWorkflowTask("r1", QUEUE, 99, 0, T0);

    CommitResult.Conflict conflict = commitConflict(wrong);

    assertThat(conflict.write()).isEqualTo(wrong);
    assertThat(store.findWorkflowTask("r1")).contains(leased);
  }

  @Test
  void completingAfterTheTaskWasReclaimedConflicts() {
    givenTask("r1", QUEUE, T0);
    claimOne(claim("w1", 7, 1, T0, LEASE));
    claimOne(claim("w2", 8, 1, T0.plus(LEASE), LEASE));

    commitConflict(new Write.CompleteWorkflowTask("r1", QUEUE, 7, 0, T0.plus(LEASE)));
    commitOk(new Write.CompleteWorkflowTask("r1", QUEUE, 8, 0, T0.plus(LEASE)));

    assertThat(store.findWorkflowTask("r1")).isEmpty();
  }

  @Test
  void completingATaskNobodyLeasedConflicts() {
    givenTask("r1", QUEUE, T0);

    commitConflict(new Write.CompleteWorkflowTask("r1", QUEUE, 0, 0, T0));

    assertThat(store.findWorkflowTask("r1")).isPresent();
  }

  @Test
  void completingAMissingTaskConflicts() {
    startRun("r1");

    commitConflict(new Write.CompleteWorkflowTask("r1", QUEUE, 7, 0, T0));
  }

  @Test
  void completingWithNewerInboxEventsReArmsTheTask() {
    givenTask("r1", QUEUE, T0);
    commitOk(new Write.InsertInbox("r1", "SignalReceived", T0, bytes("consumed")));
    long consumed = store.readInbox("r1").getFirst().inboxId();
    claimOne(claim("w1", 7, 1, T0, LEASE));
    commitOk(new Write.InsertInbox("r1", "SignalReceived", T0.plusSeconds(1), bytes("new")));
    Instant now = T0.plusSeconds(2);

    commitOk(
        new Write.DeleteInbox("r1", consumed),
        new Write.CompleteWorkflowTask("r1", QUEUE, 7, consumed, now));

    assertThat(store.findWorkflowTask("r1"))
        .contains(new WorkflowTaskRecord("r1", QUEUE, now, 1, null, null, 0));
    assertThat(claimOne(claim("w2", 8, 1, now, LEASE)).runId()).isEqualTo("r1");
  }

  @Test
  void failingCountsTheAttemptKeepsTheFailureAndDelaysTheTask() {
    givenTask("r1", QUEUE, T0);
    claimOne(claim("w1", 7, 1, T0, LEASE));
    Instant retryAt = T0.plusSeconds(60);

    commitOk(
        new Write.FailWorkflowTask(
            "r1", QUEUE, 7, "NullPointerException at Order.java:42", retryAt));

    assertThat(store.findWorkflowTask("r1"))
        .contains(
            new WorkflowTaskRecord(
                "r1", QUEUE, retryAt, 2, "NullPointerException at Order.java:42", null, 0));
    assertThat(store.claimWorkflowTasks(claim("w2", 8, 1, retryAt.minusMillis(1), LEASE)))
        .isEmpty();
    WorkflowTaskRecord retried = claimOne(claim("w2", 8, 1, retryAt, LEASE));
    assertThat(retried.attempt()).isEqualTo(2);
    assertThat(retried.lastFailure()).isEqualTo("NullPointerException at Order.java:42");
  }

  @Test
  void failingWithAWrongTokenConflictsAndKeepsTheLease() {
    givenTask("r1", QUEUE, T0);
    WorkflowTaskRecord leased = claimOne(claim("w1", 7, 1, T0, LEASE));

    commitConflict(new Write.FailWorkflowTask("r1", QUEUE, 99, "boom", T0.plusSeconds(5)));

    assertThat(store.findWorkflowTask("r1")).contains(leased);
  }

  @Test
  void failingATaskNobodyLeasedConflicts() {
    givenTask("r1", QUEUE, T0);

    commitConflict(new Write.FailWorkflowTask("r1", QUEUE, 0, "boom", T0.plusSeconds(5)));

    assertThat(store.findWorkflowTask("r1").orElseThrow().attempt()).isEqualTo(1);
  }

  private void givenTask(String runId, String queue, Instant visibleAt) {
    commitOk(
        run(runId).taskQueue(queue).insert(),
        new Write.EnsureWorkflowTask(runId, queue, visibleAt));
  }

  private WorkflowTaskRecord claimOne(ClaimRequest request) {
    List<WorkflowTaskRecord> claimed = store.claimWorkflowTasks(request);
    assertThat(claimed).as("claimed workflow tasks").hasSize(1);
    return claimed.getFirst();
  }
}
