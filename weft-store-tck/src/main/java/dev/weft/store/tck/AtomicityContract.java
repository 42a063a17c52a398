package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.event;
import static dev.weft.store.tck.TestData.events;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.StoreStats;
import dev.weft.store.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Pins that a {@link Batch} is all or nothing: when a later write conflicts, no earlier write of
 * the batch leaves a trace (checked with {@code stats()} and reads), the conflict names the failing
 * write, writes apply in order (a later write sees an earlier one), and a conflicting batch does
 * not affect the batches committed beside it.
 */
public abstract class AtomicityContract extends StoreContract {

  @Test
  void batchWhoseLastWriteConflictsLeavesNoTrace() {
    StoreStats before = store.stats();
    Write.AppendEvents conflicting = new Write.AppendEvents("r1", 1, List.of(event(1, "again")));

    CommitResult.Conflict conflict =
        commitConflict(
            run("r1").insert(),
            new Write.AppendEvents("r1", 1, events(1, 2)),
            new Write.InsertInbox("r1", "SignalReceived", T0, bytes("s")),
            new Write.EnsureWorkflowTask("r1", QUEUE, T0),
            activity("r1", 1).insert(),
            new Write.InsertTimer(timer("r1", 2, T0.plusSeconds(60))),
            conflicting);

    assertThat(conflict.write()).isEqualTo(conflicting);
    assertThat(store.stats()).isEqualTo(before);
    assertThat(store.findRun("r1")).isEmpty();
    assertThat(store.readHistory("r1", 1)).isEmpty();
    assertThat(store.readInbox("r1")).isEmpty();
    assertThat(store.findWorkflowTask("r1")).isEmpty();
    assertThat(store.findActivityTasks("r1")).isEmpty();
    assertThat(store.findTimers("r1")).isEmpty();
    assertThat(store.nextDueTime(T0)).isEmpty();
  }

  @Test
  void conflictUndoesEarlierChangesToExistingRows() {
    RunRecord started = startRun("r1");
    commitOk(
        new Write.InsertTimer(timer("r1", 1, T0.plusSeconds(60))),
        new Write.InsertInbox("r1", "SignalReceived", T0, bytes("s")),
        new Write.EnsureWorkflowTask("r1", QUEUE, T0));
    StoreStats before = store.stats();
    Write.DeleteTimer missing = new Write.DeleteTimer("r1", 99, true);

    CommitResult.Conflict conflict =
        commitConflict(
            new Write.AppendEvents("r1", 1, events(1, 2)),
            new Write.DeleteTimer("r1", 1, true),
            new Write.DeleteInbox("r1", Long.MAX_VALUE),
            new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(5)),
            new Write.DeleteRunTasks("r1"),
            missing);

    assertThat(conflict.write()).isEqualTo(missing);
    assertThat(store.stats()).isEqualTo(before);
    assertThat(store.findRun("r1")).contains(started);
    assertThat(store.findTimers("r1")).hasSize(1);
    assertThat(store.readInbox("r1")).hasSize(1);
    assertThat(store.findWorkflowTask("r1")).isPresent();
  }

  @Test
  void writesOfABatchApplyInOrder() {
    commitOk(
        run("r1").insert(),
        new Write.AppendEvents("r1", 1, events(1, 2)),
        new Write.AppendEvents("r1", 3, events(3, 1)),
        new Write.InsertTimer(timer("r1", 1, T0)),
        new Write.DeleteTimer("r1", 1, true));

    assertThat(storedRun("r1").nextEventId()).isEqualTo(4);
    assertThat(store.findTimers("r1")).isEmpty();
  }

  @Test
  void laterWriteSeesTheEffectOfAnEarlierOne() {
    startRun("r1");
    Write.InsertInbox afterClose = new Write.InsertInbox("r1", "SignalReceived", T0, bytes("s"));

    CommitResult.Conflict conflict =
        commitConflict(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0), afterClose);

    assertThat(conflict.write()).isEqualTo(afterClose);
    assertThat(storedRun("r1").status()).isEqualTo(WorkflowStatus.RUNNING);
  }

  @Test
  void conflictingBatchDoesNotAffectBatchesCommittedBesideIt() {
    startRun("r0");
    CompletableFuture<CommitResult> first = store.commit(Batch.of(run("r1").insert()));
    CompletableFuture<CommitResult> conflicting =
        store.commit(Batch.of(run("r2").insert(), run("r0").insert()));
    CompletableFuture<CommitResult> last = store.commit(Batch.of(run("r3").insert()));

    assertThat(await(first).committed()).isTrue();
    assertThat(await(conflicting)).isInstanceOf(CommitResult.Conflict.class);
    assertThat(await(last).committed()).isTrue();
    assertThat(store.findRun("r1")).isPresent();
    assertThat(store.findRun("r2")).isEmpty();
    assertThat(store.findRun("r3")).isPresent();
  }

  @Test
  void manyBatchesSubmittedAtOnceEachLandOrConflictAlone() {
    // submitted together, they share transactions: each conflict must be undone alone
    startRun("r0");
    List<CompletableFuture<CommitResult>> commits = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      commits.add(
          i % 3 == 0
              ? store.commit(Batch.of(run("c" + i).insert(), run("r0").insert()))
              : store.commit(Batch.of(run("g" + i).insert())));
    }

    for (int i = 0; i < 300; i++) {
      CommitResult result = await(commits.get(i));
      if (i % 3 == 0) {
        assertThat(result).isInstanceOf(CommitResult.Conflict.class);
        assertThat(store.findRun("c" + i)).isEmpty();
      } else {
        assertThat(result.committed()).isTrue();
        assertThat(store.findRun("g" + i)).isPresent();
      }
    }
    assertThat(store.stats().runs()).isEqualTo(201);
  }
}
