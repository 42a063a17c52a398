package dev.weft.internal.step;

import static dev.weft.internal.step.StepParts.NODE;
import static dev.weft.internal.step.StepParts.NOW;
import static dev.weft.internal.step.StepParts.RUN;
import static dev.weft.internal.step.StepParts.charge;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.codec.ActivitySpecCodec;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.FlowControlChange;
import dev.weft.store.Pause;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityTasksTest {

  @Test
  void theRowOfAScheduledActivityCarriesItsSpecAndTimeouts() {
    ActivityTaskRecord row = ActivityTasks.record(RUN, charge(3, "payments"), NOW);

    assertThat(row.runId()).isEqualTo(RUN.runId());
    assertThat(row.seq()).isEqualTo(3);
    assertThat(row.taskQueue()).isEqualTo("payments");
    assertThat(row.activityType()).isEqualTo("Charge");
    assertThat(row.attempt()).isZero();
    assertThat(row.visibleAt()).isEqualTo(NOW);
    assertThat(row.startToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
    ActivitySpec spec = ActivitySpecCodec.decode(row.spec());
    assertThat(spec.workflowId()).isEqualTo(RUN.workflowId());
    assertThat(spec.workflowTaskQueue()).isEqualTo(RUN.taskQueue());
  }

  @Test
  void anActivityThisNodeCannotRunNowGoesThroughItsQueue(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      List<PreparedCommit.LeasedActivity> leased = new ArrayList<>();

      Write unstarted = parts.activityTasks().insert(RUN, charge(1, "q"), NOW, leased);
      parts.started();
      Write elsewhere = parts.activityTasks().insert(RUN, charge(2, "payments"), NOW, leased);

      assertThat(((Write.InsertActivityTask) unstarted).lease()).isNull();
      assertThat(((Write.InsertActivityTask) elsewhere).lease()).isNull();
      assertThat(leased).isEmpty();
    }
  }

  @Test
  void anActivityThisNodeServesIsLeasedForItsFirstAttemptWhileASlotIsFree(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      List<PreparedCommit.LeasedActivity> leased = new ArrayList<>();
      ActivityTasks tasks = parts.activityTasks();

      Write first = tasks.insert(RUN, charge(1, "q"), NOW, leased);
      Write second = tasks.insert(RUN, charge(2, "q"), NOW, leased);

      Write.InsertActivityTask insert = (Write.InsertActivityTask) first;
      assertThat(insert.lease().owner()).isEqualTo(NODE);
      assertThat(insert.lease().until()).isEqualTo(NOW.plus(Duration.ofSeconds(30)));
      assertThat(insert.task().attempt()).isZero();
      assertThat(leased).hasSize(1);
      assertThat(leased.get(0).state().task().attempt()).isEqualTo(1);
      assertThat(leased.get(0).spec().workflowId()).isEqualTo(RUN.workflowId());
      assertThat(((Write.InsertActivityTask) second).lease()).isNull();
    }
  }

  @Test
  void anActivityAPauseGovernsIsNotLeased(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      parts.flowControl.change(new FlowControlChange.RegisterQueue("q"));
      parts.flowControl.change(
          new FlowControlChange.PauseActivityType("q", "Charge", new Pause(NOW, "audit", NODE)));
      List<PreparedCommit.LeasedActivity> leased = new ArrayList<>();

      Write insert = parts.activityTasks().insert(RUN, charge(1, "q"), NOW, leased);

      assertThat(((Write.InsertActivityTask) insert).lease()).isNull();
      assertThat(leased).isEmpty();
    }
  }
}
