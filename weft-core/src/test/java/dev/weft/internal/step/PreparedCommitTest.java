package dev.weft.internal.step;

import static dev.weft.internal.step.StepParts.NOW;
import static dev.weft.internal.step.StepParts.RUN;
import static dev.weft.internal.step.StepParts.charge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedCommitTest {

  /** A prepared batch that leases one activity to this node. */
  private static PreparedCommit leasingOneActivity(StepParts parts, Write write) {
    List<PreparedCommit.LeasedActivity> leased = new ArrayList<>();
    Write insert = parts.activityTasks().insert(RUN, charge(1, "q"), NOW, leased);
    return new PreparedCommit(Batch.of(write, insert), 0, 0, leased, List.of());
  }

  @Test
  void aBatchThatDoesNotCommitGivesItsSlotsBack(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      EventRecord stale =
          parts.records.record(9, NOW, new dev.weft.history.EventAttributes.TimerFired(1));
      PreparedCommit prepared =
          leasingOneActivity(parts, new Write.AppendEvents(RUN.runId(), 9, List.of(stale)));
      assertThat(parts.activityTasks().insert(RUN, charge(2, "q"), NOW, new ArrayList<>()))
          .extracting(w -> ((Write.InsertActivityTask) w).lease())
          .isNull();

      CommitResult result = prepared.commit(parts.store, parts.dispatcher);

      assertThat(result.committed()).isFalse();
      List<PreparedCommit.LeasedActivity> again = new ArrayList<>();
      parts.activityTasks().insert(RUN, charge(3, "q"), NOW, again);
      assertThat(again).hasSize(1);
    }
  }

  @Test
  void aCommittedBatchKeepsItsSlotsAndDispatchRunsItsLeasedTasks(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      RunRecord run =
          RunRecord.started("default", RUN.workflowId(), RUN.runId(), "Order", "q", NOW);
      PreparedCommit prepared = leasingOneActivity(parts, new Write.InsertRun(run, Set.of()));

      CommitResult result = prepared.commit(parts.store, parts.dispatcher);
      prepared.dispatch(parts.dispatcher);

      assertThat(result.committed()).isTrue();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !parts.ranActivities.isEmpty());
      assertThat(parts.ranActivities.get(0).task().seq()).isEqualTo(1);
    }
  }
}
