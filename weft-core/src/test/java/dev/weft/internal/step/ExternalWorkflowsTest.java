package dev.weft.internal.step;

import static dev.weft.internal.step.StepParts.NOW;
import static dev.weft.internal.step.StepParts.RUN;
import static dev.weft.internal.step.StepParts.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes.ExternalWorkflowCancelRequested;
import dev.weft.history.EventAttributes.ExternalWorkflowSignaled;
import dev.weft.history.EventAttributes.RequestCancelExternalWorkflowFailed;
import dev.weft.history.EventAttributes.RequestCancelExternalWorkflowInitiated;
import dev.weft.history.EventAttributes.SignalExternalWorkflowFailed;
import dev.weft.history.EventAttributes.SignalExternalWorkflowInitiated;
import dev.weft.history.EventAttributes.SignalReceived;
import dev.weft.history.EventAttributes.WorkflowCancelRequested;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalWorkflowsTest {
  private static final SignalExternalWorkflowInitiated SIGNAL =
      new SignalExternalWorkflowInitiated(4, "inbox-1", null, "add", null);

  private static RunRecord running(StepParts parts, String workflowId, String runId) {
    RunRecord run = RunRecord.started("default", workflowId, runId, "Receiver", "rq", NOW);
    parts.store.commit(Batch.of(new Write.InsertRun(run, Set.of()))).join();
    return run;
  }

  @Test
  void aRunningTargetGetsTheSignalInItsInboxWithAWorkflowTask(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      running(parts, "inbox-1", "target-run");

      ExternalWorkflows.Delivery d =
          new ExternalWorkflows(parts.store, parts.codec).signal(RUN, SIGNAL, Map.of(), false, NOW);

      assertThat(d.answer()).isEqualTo(new ExternalWorkflowSignaled(4, "inbox-1", "target-run"));
      assertThat(kinds(d.writes()))
          .containsExactly(Write.InsertInbox.class, Write.EnsureWorkflowTask.class);
      Write.InsertInbox inbox = (Write.InsertInbox) d.writes().get(0);
      assertThat(inbox.runId()).isEqualTo("target-run");
      assertThat(parts.codec.decode(inbox.data())).isEqualTo(new SignalReceived("add", null));
      assertThat(((Write.EnsureWorkflowTask) d.writes().get(1)).taskQueue()).isEqualTo("rq");
    }
  }

  @Test
  void aTargetThatClosesAfterTheLookupMakesTheCommitConflict(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      running(parts, "inbox-1", "target-run");
      ExternalWorkflows.Delivery d =
          new ExternalWorkflows(parts.store, parts.codec).signal(RUN, SIGNAL, Map.of(), false, NOW);
      parts
          .store
          .commit(Batch.of(new Write.CloseRun("target-run", WorkflowStatus.COMPLETED, NOW)))
          .join();

      CommitResult result = parts.store.commit(Batch.builder().addAll(d.writes()).build()).join();

      assertThat(result).isInstanceOf(CommitResult.Conflict.class);
      assertThat(parts.store.readInbox("target-run")).isEmpty();
    }
  }

  @Test
  void aMissingOrClosedTargetIsAnsweredWithAFailureNamingIt(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      ExternalWorkflows externals = new ExternalWorkflows(parts.store, parts.codec);

      assertThat(externals.signal(RUN, SIGNAL, Map.of(), false, NOW))
          .isEqualTo(
              new ExternalWorkflows.Delivery(
                  java.util.List.of(),
                  new SignalExternalWorkflowFailed(
                      4, "inbox-1", null, "external workflow 'inbox-1' not found")));

      running(parts, "inbox-1", "closed-run");
      parts
          .store
          .commit(Batch.of(new Write.CloseRun("closed-run", WorkflowStatus.TERMINATED, NOW)))
          .join();
      ExternalWorkflows.Delivery d =
          externals.cancel(
              RUN,
              new RequestCancelExternalWorkflowInitiated(5, "inbox-1", "closed-run"),
              Map.of(),
              false,
              NOW);

      assertThat(d.writes()).isEmpty();
      assertThat(d.answer())
          .isEqualTo(
              new RequestCancelExternalWorkflowFailed(
                  5,
                  "inbox-1",
                  "closed-run",
                  "external workflow 'inbox-1' run closed-run not found running: it is"
                      + " TERMINATED"));
    }
  }

  @Test
  void aChildStartedInTheSameTaskIsATarget(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      ExternalWorkflows.Delivery d =
          new ExternalWorkflows(parts.store, parts.codec)
              .cancel(
                  RUN,
                  new RequestCancelExternalWorkflowInitiated(6, "inbox-1", null),
                  Map.of("inbox-1", new ChildWorkflows.StartedChild("child-run", "cq")),
                  false,
                  NOW);

      assertThat(d.answer())
          .isEqualTo(new ExternalWorkflowCancelRequested(6, "inbox-1", "child-run"));
      Write.InsertInbox inbox = (Write.InsertInbox) d.writes().get(0);
      assertThat(inbox.runId()).isEqualTo("child-run");
      assertThat(parts.codec.decode(inbox.data()))
          .isEqualTo(
              new WorkflowCancelRequested(
                  "cancel requested by workflow 'order-1' (run " + RUN.runId() + ")"));
    }
  }

  @Test
  void aRunClosingInTheSameTaskDoesNotSignalItself(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      running(parts, RUN.workflowId(), RUN.runId());

      ExternalWorkflows.Delivery d =
          new ExternalWorkflows(parts.store, parts.codec)
              .signal(
                  RUN,
                  new SignalExternalWorkflowInitiated(4, RUN.workflowId(), null, "add", null),
                  Map.of(),
                  true,
                  NOW);

      assertThat(d.writes()).isEmpty();
      assertThat(((SignalExternalWorkflowFailed) d.answer()).reason())
          .endsWith("is the sending run, which closes in the same workflow task");
    }
  }
}
