package dev.weft.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.history.EventAttributes;
import dev.weft.store.Batch;
import dev.weft.store.InboxRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunControlsTest {

  private static RunRecord insertRun(ClientParts parts, String runId) {
    RunRecord run =
        RunRecord.started("default", "ticket-" + runId, runId, "Ticket", "q", Instant.now());
    parts.store.commit(Batch.of(new Write.InsertRun(run, Set.of()))).join();
    return run;
  }

  private static List<InboxRecord> inbox(ClientParts parts, String runId) {
    return parts.store.loadRun(runId, false).orElseThrow().inbox();
  }

  @Test
  void aSignalGoesToTheRunsInboxWithAWorkflowTask(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      RunRecord run = insertRun(parts, "run-1");

      parts.controls().signal(run, "escalate", new Object[0]);

      List<InboxRecord> inbox = inbox(parts, "run-1");
      assertThat(inbox).hasSize(1);
      assertThat(parts.codec.decode(inbox.get(0).data()))
          .isInstanceOf(EventAttributes.SignalReceived.class);
      assertThat(parts.store.findWorkflowTask("run-1")).isPresent();
    }
  }

  @Test
  void aSignalTheTypeDoesNotHaveIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      RunRecord run = insertRun(parts, "run-1");

      assertThatThrownBy(() -> parts.controls().signal(run, "reopen", new Object[0]))
          .isInstanceOf(UnknownSignalException.class)
          .hasMessageContaining("escalate");
      assertThat(inbox(parts, "run-1")).isEmpty();
    }
  }

  @Test
  void aClosedRunRefusesEveryControlNamingItsStatus(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      RunRecord run = insertRun(parts, "run-1");
      RunControls controls = parts.controls();
      controls.terminate(run, "no longer needed");

      assertThat(parts.store.findRun("run-1").orElseThrow().status())
          .isEqualTo(WorkflowStatus.TERMINATED);
      assertThatThrownBy(() -> controls.cancel(run, "too late"))
          .isInstanceOf(WorkflowNotRunningException.class)
          .hasMessageContaining("TERMINATED");
      assertThatThrownBy(() -> controls.pause(run, "too late"))
          .isInstanceOf(WorkflowNotRunningException.class);
      assertThatThrownBy(() -> controls.terminate(run, "again"))
          .isInstanceOf(WorkflowNotRunningException.class);
      assertThat(controls.tryDeliver(run, new EventAttributes.WorkflowCancelRequested("x"), false))
          .isFalse();
    }
  }

  @Test
  void aPausedRunCanBeResumed(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      RunRecord run = insertRun(parts, "run-1");
      RunControls controls = parts.controls();

      controls.pause(run, "investigating");
      assertThat(parts.store.findRunPause("run-1")).isPresent();
      controls.resume(run);

      assertThat(parts.store.findRunPause("run-1")).isEmpty();
    }
  }
}
