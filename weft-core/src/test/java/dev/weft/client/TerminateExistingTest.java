package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WorkflowIdConflictPolicy#TERMINATE_EXISTING}: a start that replaces the running run. */
@Tag("engine")
public class TerminateExistingTest {

  @WorkflowInterface
  public interface Job {
    @WorkflowMethod
    String run(String name);

    @SignalMethod
    void finish();
  }

  public static class JobImpl implements Job {
    private boolean finished;

    @Override
    public String run(String name) {
      Workflow.await(() -> finished);
      return "done " + name;
    }

    @Override
    public void finish() {
      finished = true;
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir, e -> e.newWorker("jobs").registerWorkflow(Job.class, JobImpl::new));
  }

  private static WorkflowOptions.Builder options(String id) {
    return WorkflowOptions.newBuilder()
        .taskQueue("jobs")
        .workflowId(id)
        .idConflictPolicy(WorkflowIdConflictPolicy.TERMINATE_EXISTING);
  }

  @Test
  void aStartTerminatesTheRunningRunAndReplacesIt(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> first = f.client().start("Job", options("job-1").build(), "first");
      WorkflowHandle<Object> second = f.client().start("Job", options("job-1").build(), "second");

      assertThat(second.runId()).isNotEqualTo(first.runId());
      WorkflowHandle<Object> old = f.client().getHandle("job-1", first.runId());
      assertThat(old.describe().status()).isEqualTo(WorkflowStatus.TERMINATED);
      List<HistoryEvent> events = old.fetchHistory().events();
      assertThat(events.get(events.size() - 1).attributes())
          .isInstanceOfSatisfying(
              EventAttributes.WorkflowTerminated.class,
              t ->
                  assertThat(t.reason())
                      .isEqualTo(
                          "replaced by run "
                              + second.runId()
                              + ", started with WorkflowIdConflictPolicy.TERMINATE_EXISTING"));

      // the handle of the first start follows the workflow ID to the run that replaced it
      first.signal("finish");
      assertThat(second.getResult()).isEqualTo("done second");
      assertThat(f.client().countWorkflows(WorkflowFilter.all().withWorkflowId("job-1")))
          .isEqualTo(2);
    }
  }

  @Test
  void withNothingRunningItIsAPlainStartAndRejectDuplicateStillRefuses(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> only = f.client().start("Job", options("job-2").build(), "x");
      only.signal("finish");
      assertThat(only.getResult()).isEqualTo("done x");

      WorkflowOptions once =
          options("job-3").idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build();
      WorkflowHandle<Object> running = f.client().start("Job", once, "y");
      assertThatThrownBy(() -> f.client().start("Job", once, "z"))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("WorkflowIdConflictPolicy.TERMINATE_EXISTING would terminate it")
          .hasMessageContaining("nothing was terminated");
      assertThat(running.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
    }
  }
}
