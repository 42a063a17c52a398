package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.CommitResult;
import dev.weft.store.InboxRecord;
import dev.weft.store.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins a run's inbox: {@link Write.InsertInbox} assigns increasing IDs and conflicts unless the run
 * exists and is running; {@code readInbox} returns arrival order; {@link Write.DeleteInbox} removes
 * events up to and including an ID. {@link Write.IfRunning} delivers to a run only while it runs,
 * and skips a closed or missing run without a conflict.
 */
public abstract class InboxContract extends StoreContract {

  @Test
  void inboxReadsBackOldestFirstWithIncreasingIds() {
    startRun("r1");

    commitOk(new Write.InsertInbox("r1", "ActivityCompleted", T0, bytes("first")));
    commitOk(
        new Write.InsertInbox("r1", "TimerFired", T0.plusSeconds(1), bytes("second")),
        new Write.InsertInbox("r1", "SignalReceived", T0.plusSeconds(2), bytes("third")));

    List<InboxRecord> inbox = store.readInbox("r1");
    assertThat(inbox)
        .extracting(InboxRecord::type)
        .containsExactly("ActivityCompleted", "TimerFired", "SignalReceived");
    assertThat(inbox).extracting(InboxRecord::inboxId).isSorted().doesNotHaveDuplicates();
    assertThat(inbox.get(1))
        .usingRecursiveComparison()
        .ignoringFields("inboxId")
        .isEqualTo(new InboxRecord(0, "r1", "TimerFired", T0.plusSeconds(1), bytes("second")));
  }

  @Test
  void inboxesOfRunsAreSeparate() {
    startRun("r1");
    startRun("r2");

    commitOk(
        new Write.InsertInbox("r1", "SignalReceived", T0, bytes("to r1")),
        new Write.InsertInbox("r2", "SignalReceived", T0, bytes("to r2")));

    assertThat(store.readInbox("r1"))
        .singleElement()
        .extracting(InboxRecord::runId)
        .isEqualTo("r1");
    assertThat(store.readInbox("r2"))
        .singleElement()
        .extracting(InboxRecord::runId)
        .isEqualTo("r2");
  }

  @Test
  void insertInboxConflictsForAClosedRun() {
    startRun("r1");
    commitOk(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(1)));
    Write.InsertInbox late = new Write.InsertInbox("r1", "SignalReceived", T0, bytes("late"));

    CommitResult.Conflict conflict = commitConflict(late);

    assertThat(conflict.write()).isEqualTo(late);
    assertThat(store.readInbox("r1")).isEmpty();
  }

  @Test
  void insertInboxConflictsForAMissingRun() {
    commitConflict(new Write.InsertInbox("missing", "SignalReceived", T0, bytes("lost")));

    assertThat(store.readInbox("missing")).isEmpty();
    assertThat(store.stats().inboxEvents()).isZero();
  }

  @Test
  void ifRunningAppliesItsWritesToARunningRun() {
    startRun("r1");

    commitOk(
        new Write.IfRunning(
            "r1",
            List.of(
                new Write.InsertInbox("r1", "ChildWorkflowClosed", T0, bytes("child done")),
                new Write.EnsureWorkflowTask("r1", "q", T0))));

    assertThat(store.readInbox("r1"))
        .extracting(InboxRecord::type)
        .containsExactly("ChildWorkflowClosed");
    assertThat(store.findWorkflowTask("r1")).isPresent();
  }

  @Test
  void ifRunningSkipsAClosedOrMissingRunAndTheRestOfTheBatchCommits() {
    startRun("closed");
    startRun("other");
    commitOk(new Write.CloseRun("closed", WorkflowStatus.COMPLETED, T0.plusSeconds(1)));

    commitOk(
        new Write.IfRunning(
            "closed",
            List.of(
                new Write.InsertInbox("closed", "ChildWorkflowClosed", T0, bytes("late")),
                new Write.EnsureWorkflowTask("closed", "q", T0))),
        new Write.IfRunning(
            "missing", List.of(new Write.InsertInbox("missing", "X", T0, bytes("lost")))),
        new Write.InsertInbox("other", "SignalReceived", T0, bytes("kept")));

    assertThat(store.readInbox("closed")).isEmpty();
    assertThat(store.findWorkflowTask("closed")).isEmpty();
    assertThat(store.readInbox("missing")).isEmpty();
    assertThat(store.readInbox("other")).hasSize(1);
  }

  @Test
  void aConflictInsideIfRunningStillRollsTheWholeBatchBack() {
    startRun("r1");
    Write.DeleteTimer missingTimer = new Write.DeleteTimer("r1", 7, true);

    CommitResult.Conflict conflict =
        commitConflict(
            new Write.InsertInbox("r1", "SignalReceived", T0, bytes("first")),
            new Write.IfRunning("r1", List.of(missingTimer)));

    assertThat(conflict.write()).isEqualTo(missingTimer);
    assertThat(store.readInbox("r1")).isEmpty();
  }

  @Test
  void ifRunningHoldsOnlyWritesAboutItsRun() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Write.IfRunning(
                    "r1", List.of(new Write.InsertInbox("r2", "X", T0, bytes("x")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IfRunning for run r1 holds a write for run r2");
  }

  @Test
  void deleteInboxRemovesEventsUpToAndIncludingTheId() {
    startRun("r1");
    for (int i = 0; i < 4; i++) {
      commitOk(new Write.InsertInbox("r1", "SignalReceived", T0, bytes("s" + i)));
    }
    List<InboxRecord> inbox = store.readInbox("r1");

    commitOk(new Write.DeleteInbox("r1", inbox.get(1).inboxId()));

    assertThat(store.readInbox("r1"))
        .extracting(InboxRecord::inboxId)
        .containsExactly(inbox.get(2).inboxId(), inbox.get(3).inboxId());
  }

  @Test
  void deleteInboxLeavesOtherRunsAlone() {
    startRun("r1");
    startRun("r2");
    commitOk(new Write.InsertInbox("r1", "SignalReceived", T0, bytes("a")));
    commitOk(new Write.InsertInbox("r2", "SignalReceived", T0, bytes("b")));

    commitOk(new Write.DeleteInbox("r1", Long.MAX_VALUE));

    assertThat(store.readInbox("r1")).isEmpty();
    assertThat(store.readInbox("r2")).hasSize(1);
  }
}
