package dev.weft.store.tck.jdbc;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import dev.weft.store.Write;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.updates.UpdateOutcomesExtension;
import dev.weft.store.tck.StoreContract;
import dev.weft.store.updates.PutUpdateOutcome;
import dev.weft.store.updates.UpdateOutcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pins the extension API of the SQL stores ({@link JdbcExtension}) with a probe extension, {@link
 * NotesExtension}: its writes commit in the same transaction as the core writes of their batch, a
 * conflict of either rolls back both (and only that batch of a group), and it hears of a write only
 * once it committed; its reads go through the store; its rows go with {@link Write.DeleteRun}; its
 * migrations are applied once, a schema newer than its code is refused naming both versions, and an
 * extension installed later gets its tables on an existing store; a write no installed extension
 * applies, and reads none offers, are refused naming the installed extensions; two extensions of
 * one name, or one that claims a core write, keep the store from opening.
 *
 * <p>A SQL store runs it by implementing {@link #openStore}.
 */
public abstract class JdbcExtensionContract extends StoreContract {

  /**
   * Opens the store of the current test with exactly these extensions: the same database each time
   * it is called within a test (a restart), a new, empty one for each test.
   */
  protected abstract Store openStore(List<JdbcExtension> extensions);

  /** Opens the test's store with the probe extension only. */
  @Override
  protected final Store newStore() {
    return openStore(List.of(new NotesExtension()));
  }

  private Notes notes() {
    return store.extension(Notes.class);
  }

  @Test
  void anExtensionWriteCommitsWithTheCoreWritesOfItsBatchAndIsHeardAfterwards() {
    commitOk(run("r1").insert(), new PutNote("r1", "a", "hello"));

    assertThat(storedRun("r1").status()).isEqualTo(WorkflowStatus.RUNNING);
    assertThat(notes().find("r1", "a")).contains("hello");
    assertThat(notes().committed()).containsExactly("r1/a");
  }

  @Test
  void aConflictingCoreWriteRollsTheExtensionWriteBackUnheard() {
    startRun("r1");
    Write.DeleteTimer missing = new Write.DeleteTimer("r1", 99, true);

    CommitResult.Conflict conflict = commitConflict(new PutNote("r1", "a", "x"), missing);

    assertThat(conflict.write()).isEqualTo(missing);
    assertThat(notes().find("r1", "a")).isEmpty();
    assertThat(notes().committed()).isEmpty();
  }

  @Test
  void anExtensionWriteThatConflictsRollsTheCoreWritesOfItsBatchBack() {
    startRun("r1");
    commitOk(new PutNote("r1", "a", "first"));
    PutNote again = new PutNote("r1", "a", "second", true);

    CommitResult.Conflict conflict =
        commitConflict(
            run("r2").insert(), new Write.InsertTimer(timer("r1", 1, T0.plusSeconds(9))), again);

    assertThat(conflict.write()).isEqualTo(again);
    assertThat(conflict.reason()).isEqualTo("note a of run r1 exists");
    assertThat(store.findRun("r2")).isEmpty();
    assertThat(store.findTimers("r1")).isEmpty();
    assertThat(notes().find("r1", "a")).contains("first");
    assertThat(notes().committed()).containsExactly("r1/a");
  }

  @Test
  void onlyTheBatchWhoseExtensionWriteConflictsIsRefusedAmongConcurrentOnes() {
    startRun("r0");
    commitOk(new PutNote("r0", "taken", "first"));
    List<CompletableFuture<CommitResult>> commits = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      commits.add(
          store.commit(Batch.of(run("r" + i).insert(), new PutNote("r" + i, "n", "note " + i))));
      if (i == 20) {
        commits.add(store.commit(Batch.of(new PutNote("r0", "taken", "again", true))));
      }
    }

    for (int i = 0; i < commits.size(); i++) {
      CommitResult result = await(commits.get(i));
      assertThat(result.committed()).as("commit %d", i).isEqualTo(i != 20);
    }
    for (int i = 1; i <= 40; i++) {
      assertThat(storedRun("r" + i).runId()).isEqualTo("r" + i);
      assertThat(notes().find("r" + i, "n")).contains("note " + i);
    }
    assertThat(notes().find("r0", "taken")).contains("first");
    assertThat(notes().committed()).hasSize(41).doesNotHaveDuplicates();
  }

  @Test
  void deleteRunDeletesTheRunsExtensionRowsAndNoOthers() {
    givenNotes("r1", WorkflowStatus.COMPLETED);
    givenNotes("r2", WorkflowStatus.FAILED);
    givenNotes("r3", WorkflowStatus.RUNNING);

    commitOk(new Write.DeleteRun("r1"));
    commitConflict(new Write.DeleteRun("r2"), new Write.DeleteRun("r3"));

    assertThat(notes().find("r1", "a")).isEmpty();
    assertThat(notes().find("r1", "b")).isEmpty();
    assertThat(notes().find("r2", "a")).contains("a of r2");
    assertThat(notes().find("r3", "b")).contains("b of r3");
  }

  @Test
  void aWriteNoInstalledExtensionAppliesIsRefusedNamingItAndTheInstalledOnes() {
    Batch batch = Batch.of(run("r1").insert(), new PutUpdateOutcome("r1", "u1", bytes("x")));

    assertThatThrownBy(() -> store.commit(batch).get(60, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(PutUpdateOutcome.class.getName())
        .hasMessageContaining("[tck-notes]");
    assertThat(store.findRun("r1")).isEmpty();
  }

  @Test
  void readsNoInstalledExtensionOffersAreRefusedNamingTheInstalledOnes() {
    assertThatThrownBy(() -> store.extension(UpdateOutcomes.class))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(UpdateOutcomes.class.getName())
        .hasMessageContaining(store.capabilities().name())
        .hasMessageContaining("[tck-notes]");
  }

  @Test
  void migrationsAreAppliedOnceAndTheRowsStay() {
    commitOk(run("r1").insert(), new PutNote("r1", "a", "kept"));

    closeStoreNow();
    store = openStore(List.of(new NotesExtension()));
    closeStoreNow();
    store = openStore(List.of(new NotesExtension()));

    assertThat(notes().find("r1", "a")).contains("kept");
    commitOk(new PutNote("r1", "b", "after the restarts"));
    assertThat(notes().find("r1", "b")).contains("after the restarts");
  }

  @Test
  void anExtensionSchemaNewerThanItsCodeIsRefusedNamingBothVersions() {
    closeStoreNow();

    assertThatThrownBy(() -> openStore(List.of(NotesExtension.knowingVersionsUpTo(1))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("'tck-notes'")
        .hasMessageContaining("version 2")
        .hasMessageContaining("up to 1");

    store = openStore(List.of(new NotesExtension()));
    commitOk(run("r1").insert(), new PutNote("r1", "a", "still works"));
  }

  @Test
  void anExtensionInstalledLaterGetsItsTablesOnAnExistingStore() {
    commitOk(run("r1").insert(), new PutNote("r1", "a", "before"));
    closeStoreNow();

    store = openStore(List.of(new NotesExtension(), new UpdateOutcomesExtension()));
    commitOk(new PutUpdateOutcome("r1", "u1", bytes("done")));

    assertThat(store.extension(UpdateOutcomes.class).find("r1", "u1"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("done")));
    assertThat(notes().find("r1", "a")).contains("before");
  }

  @Test
  void twoExtensionsOfOneNameKeepTheStoreFromOpening() {
    closeStoreNow();

    assertThatThrownBy(() -> openStore(List.of(new NotesExtension(), new NotesExtension())))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("two store extensions are named 'tck-notes'");
  }

  @Test
  void anExtensionThatClaimsACoreWriteKeepsTheStoreFromOpening() {
    closeStoreNow();
    JdbcExtension greedy =
        new JdbcExtension() {
          @Override
          public String name() {
            return "tck-greedy";
          }

          @Override
          public void install(Registry registry) {
            registry.write(Write.InsertRun.class, (w, tx) -> {});
          }
        };

    assertThatThrownBy(() -> openStore(List.of(new NotesExtension(), greedy)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("extension 'tck-greedy'")
        .hasMessageContaining(Write.InsertRun.class.getName())
        .hasMessageContaining("the core");
  }

  /** Starts a run with notes a and b, then closes it unless {@code status} is RUNNING. */
  private void givenNotes(String runId, WorkflowStatus status) {
    startRun(runId);
    commitOk(new PutNote(runId, "a", "a of " + runId), new PutNote(runId, "b", "b of " + runId));
    if (status != WorkflowStatus.RUNNING) {
      commitOk(new Write.CloseRun(runId, status, T0.plusSeconds(30)));
    }
  }
}
