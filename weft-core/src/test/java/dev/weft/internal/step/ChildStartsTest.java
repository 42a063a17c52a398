package dev.weft.internal.step;

import static dev.weft.internal.step.StepParts.NOW;
import static dev.weft.internal.step.StepParts.RUN;
import static dev.weft.internal.step.StepParts.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.store.Batch;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildStartsTest {
  private static final StartChildWorkflowInitiated START =
      new StartChildWorkflowInitiated(
          7,
          "Order",
          "order-1-refund",
          "q",
          null,
          "TERMINATE",
          "ALLOW_DUPLICATE",
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  @Test
  void aFreeIdStartsTheChildNamingItsParentInTheParentsTransaction(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      ChildStarts.ChildStart start =
          new ChildStarts(parts.store, parts.ids, parts.starts).start(RUN, START, Map.of(), NOW);

      assertThat(start.failed()).isNull();
      assertThat(start.command().runId()).isNotNull();
      assertThat(kinds(start.writes()))
          .containsExactly(
              Write.InsertRun.class, Write.AppendEvents.class, Write.EnsureWorkflowTask.class);
      WorkflowStarted started =
          (WorkflowStarted)
              parts.codec.decode(
                  ((Write.AppendEvents) start.writes().get(1)).events().get(0).data());
      assertThat(started.parent().runId()).isEqualTo(RUN.runId());
      assertThat(started.parent().seq()).isEqualTo(7);
    }
  }

  @Test
  void anIdTheSameTaskStartedAlreadyFailsTheStart(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      ChildStarts.ChildStart start =
          new ChildStarts(parts.store, parts.ids, parts.starts)
              .start(
                  RUN,
                  START,
                  Map.of("order-1-refund", new ChildWorkflows.StartedChild("sibling-run", "q")),
                  NOW);

      assertThat(start.writes()).isEmpty();
      assertThat(start.failed().seq()).isEqualTo(7);
      assertThat(start.failed().reason()).contains("sibling-run").contains("same workflow task");
    }
  }

  @Test
  void anIdARunningRunHoldsFailsTheStartNamingThatRun(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      RunRecord running =
          RunRecord.started("default", "order-1-refund", "running-run", "Order", "q", NOW);
      parts.store.commit(Batch.of(new Write.InsertRun(running, Set.of()))).join();

      ChildStarts.ChildStart start =
          new ChildStarts(parts.store, parts.ids, parts.starts).start(RUN, START, Map.of(), NOW);

      assertThat(start.writes()).isEmpty();
      assertThat(start.failed().reason()).contains("running-run").contains("RUNNING");
    }
  }
}
