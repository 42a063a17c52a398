package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.CommitResult;
import dev.weft.store.InboxRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.Write;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins a run's inbox: {@link Write.InsertInbox} assigns increasing IDs and conflicts unless the run
 * exists and is running; {@code readInbox} returns arrival order; {@link Write.DeleteInbox} removes
 * events up to and including an ID.
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
    commitOk(new Write.CloseRun("r1", RunStatus.COMPLETED, T0.plusSeconds(1)));
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
