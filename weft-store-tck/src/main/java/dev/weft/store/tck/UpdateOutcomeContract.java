package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.Write;
import dev.weft.store.updates.PutUpdateOutcome;
import dev.weft.store.updates.UpdateOutcomes;
import org.junit.jupiter.api.Test;

/**
 * Pins update outcomes, a store extension every store installs by default: {@link PutUpdateOutcome}
 * keeps the outcome of an update request for the client that waits for it, found by run and update
 * ID through {@link UpdateOutcomes} and replaced whole; it is rolled back with its batch; and
 * deleting a run ({@link Write.DeleteRun}) deletes the run's outcomes and no other run's.
 */
public abstract class UpdateOutcomeContract extends StoreContract {

  @Test
  void updateOutcomesAreFoundByRunAndUpdateAndReplacedWhole() {
    startRun("r1");
    startRun("r2");

    commitOk(new PutUpdateOutcome("r1", "u1", bytes("rejected")));
    commitOk(new PutUpdateOutcome("r1", "u1", bytes("completed")));
    commitOk(new PutUpdateOutcome("r2", "u1", bytes("other run")));

    assertThat(store.extension(UpdateOutcomes.class).find("r1", "u1"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("completed")));
    assertThat(store.extension(UpdateOutcomes.class).find("r2", "u1"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("other run")));
    assertThat(store.extension(UpdateOutcomes.class).find("r1", "u2")).isEmpty();
    assertThat(store.extension(UpdateOutcomes.class).find("missing", "u1")).isEmpty();
  }

  @Test
  void anUpdateOutcomeIsRolledBackWithItsBatch() {
    startRun("r1");

    commitConflict(
        new PutUpdateOutcome("r1", "u1", bytes("done")), new Write.DeleteTimer("r1", 99, true));

    assertThat(store.extension(UpdateOutcomes.class).find("r1", "u1")).isEmpty();
  }

  @Test
  void deleteRunRemovesTheRunsOutcomesAndNoOtherRuns() {
    givenAnOutcome("r1", WorkflowStatus.COMPLETED);
    givenAnOutcome("r2", WorkflowStatus.FAILED);
    givenAnOutcome("r3", WorkflowStatus.RUNNING);
    byte[] r2 = store.extension(UpdateOutcomes.class).find("r2", "u1").orElseThrow();
    byte[] r3 = store.extension(UpdateOutcomes.class).find("r3", "u1").orElseThrow();

    commitOk(new Write.DeleteRun("r1"));

    assertThat(store.extension(UpdateOutcomes.class).find("r1", "u1")).isEmpty();
    assertThat(store.extension(UpdateOutcomes.class).find("r2", "u1").orElseThrow()).isEqualTo(r2);
    assertThat(store.extension(UpdateOutcomes.class).find("r3", "u1").orElseThrow()).isEqualTo(r3);
  }

  @Test
  void aRefusedDeleteRunKeepsTheOutcomes() {
    givenAnOutcome("closed", WorkflowStatus.COMPLETED);
    givenAnOutcome("running", WorkflowStatus.RUNNING);

    commitConflict(new Write.DeleteRun("closed"), new Write.DeleteRun("running"));

    assertThat(store.extension(UpdateOutcomes.class).find("closed", "u1")).isPresent();
    assertThat(store.extension(UpdateOutcomes.class).find("running", "u1")).isPresent();
  }

  /**
   * Starts a run with the outcome of update u1, then closes it unless {@code status} is RUNNING.
   */
  private void givenAnOutcome(String runId, WorkflowStatus status) {
    startRun(runId);
    commitOk(new PutUpdateOutcome(runId, "u1", bytes("outcome of " + runId)));
    if (status != WorkflowStatus.RUNNING) {
      commitOk(new Write.CloseRun(runId, status, T0.plusSeconds(30)));
    }
  }
}
