package dev.weft.internal.step;

import static dev.weft.internal.step.StepParts.NOW;
import static dev.weft.internal.step.StepParts.PAYLOADS;
import static dev.weft.internal.step.StepParts.RUN;
import static dev.weft.internal.step.StepParts.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.RetryPolicy;
import dev.weft.history.EventAttributes.WorkflowContinuedAsNew;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.ParentRun;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContinuedRunsTest {
  private static final WorkflowStarted STARTED =
      new WorkflowStarted(
          "Order",
          RUN.workflowId(),
          "q",
          null,
          null,
          new ParentRun("parent-1", "parent-run", 4, "q"),
          3,
          NOW.plus(Duration.ofDays(1)),
          Duration.ofHours(1),
          RetryPolicy.DEFAULT,
          null,
          null,
          null);
  private static final WorkflowContinuedAsNew COMMAND =
      new WorkflowContinuedAsNew(
          null, PAYLOADS.encodeArguments(new Object[] {2}, "in"), Map.of(), null);

  @Test
  void theNextRunKeepsItsParentDeadlinesAndPolicyAndStartsAtAttemptOne(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      ContinuedRuns runs = new ContinuedRuns(parts.ids, parts.starts, parts.leases());
      String next = runs.newRunId();
      List<WorkflowTaskRecord> leased = new ArrayList<>();

      List<Write> writes = runs.writes(RUN, STARTED, next, COMMAND, NOW, leased);

      assertThat(kinds(writes))
          .containsExactly(
              Write.InsertRun.class,
              Write.AppendEvents.class,
              Write.InsertTimer.class,
              Write.EnsureWorkflowTask.class);
      WorkflowStarted first =
          (WorkflowStarted)
              parts.codec.decode(((Write.AppendEvents) writes.get(1)).events().get(0).data());
      assertThat(first.continuedFromRunId()).isEqualTo(RUN.runId());
      assertThat(first.parent()).isEqualTo(STARTED.parent());
      assertThat(first.attempt()).isEqualTo(1);
      assertThat(first.executionDeadline()).isEqualTo(STARTED.executionDeadline());
      assertThat(first.input()).isEqualTo(COMMAND.input());
      assertThat(((Write.InsertRun) writes.get(0)).run().runId()).isEqualTo(next);
      assertThat(((Write.EnsureWorkflowTask) writes.get(3)).lease()).isNull();
      assertThat(leased).isEmpty();
    }
  }

  @Test
  void theNextRunsFirstTaskIsLeasedHereWhenThisNodeCanRunIt(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      ContinuedRuns runs = new ContinuedRuns(parts.ids, parts.starts, parts.leases());
      String next = runs.newRunId();
      List<WorkflowTaskRecord> leased = new ArrayList<>();

      List<Write> writes = runs.writes(RUN, STARTED, next, COMMAND, NOW, leased);

      Write.EnsureWorkflowTask first = (Write.EnsureWorkflowTask) writes.get(writes.size() - 1);
      assertThat(first.lease()).isNotNull();
      assertThat(leased).hasSize(1);
      assertThat(leased.get(0).runId()).isEqualTo(next);
      assertThat(leased.get(0).leaseToken()).isEqualTo(first.lease().token());
    }
  }
}
