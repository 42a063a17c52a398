package dev.weft.internal.step;

import static dev.weft.internal.step.StepParts.NODE;
import static dev.weft.internal.step.StepParts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.FlowControlChange;
import dev.weft.store.Pause;
import dev.weft.store.TaskLease;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstTaskLeasesTest {

  @Test
  void aFreeSlotOnAServedQueueGivesALeaseOfOneWorkflowTaskLease(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      TaskLease lease = parts.leases().tryLease("q", NOW);

      assertThat(lease.owner()).isEqualTo(NODE);
      assertThat(lease.startedAt()).isEqualTo(NOW);
      assertThat(lease.until()).isEqualTo(NOW.plus(Duration.ofSeconds(10)));
      assertThat(lease.token()).isPositive();
    }
  }

  @Test
  void aLeaseHoldsItsSlotUntilReleased(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      FirstTaskLeases leases = parts.leases();
      assertThat(leases.tryLease("q", NOW)).isNotNull();

      assertThat(leases.tryLease("q", NOW)).isNull();
      leases.release("q");
      assertThat(leases.tryLease("q", NOW)).isNotNull();
    }
  }

  @Test
  void noLeaseBeforeTheEngineStartsOrForAQueueNotServedHere(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      assertThat(parts.leases().tryLease("q", NOW)).isNull();
      parts.started();
      assertThat(parts.leases().tryLease("elsewhere", NOW)).isNull();
    }
  }

  @Test
  void aPausedQueueGetsNoLease(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      parts.flowControl.change(new FlowControlChange.RegisterQueue("q"));
      parts.flowControl.change(
          new FlowControlChange.PauseQueue("q", new Pause(NOW, "maintenance", NODE)));

      assertThat(parts.leases().tryLease("q", NOW)).isNull();
    }
  }

  @Test
  void runningALeaseDispatchesTheFirstTaskAsAClaimWouldHaveReturnedIt(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      FirstTaskLeases leases = parts.leases();
      TaskLease lease = leases.tryLease("q", NOW);

      leases.run("run-2", "q", lease);

      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !parts.ranWorkflowTasks.isEmpty());
      var task = parts.ranWorkflowTasks.get(0);
      assertThat(task.runId()).isEqualTo("run-2");
      assertThat(task.taskQueue()).isEqualTo("q");
      assertThat(task.leaseToken()).isEqualTo(lease.token());
      assertThat(task.attempt()).isEqualTo(1);
    }
  }
}
