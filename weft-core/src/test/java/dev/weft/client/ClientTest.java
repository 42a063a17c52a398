package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.TerminatedFailure;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, finding, describing, listing and terminating runs through the client. */
@Tag("engine")
public class ClientTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @WorkflowInterface
  public interface Job {
    @WorkflowMethod
    String run(String outcome);

    @SignalMethod
    void finish();
  }

  @ActivityInterface
  public interface Broken {
    void breakDown();
  }

  public static class JobImpl implements Job {
    private boolean finished;

    @Override
    public String run(String outcome) {
      switch (outcome) {
        case "fail" -> throw ApplicationFailure.newFailure("bad input", "BadInput");
        case "wait" -> Workflow.await(() -> finished);
        case "retrying" ->
            Workflow.newActivityStub(
                    Broken.class,
                    ActivityOptions.newBuilder()
                        .startToCloseTimeout(Duration.ofSeconds(5))
                        .retryPolicy(
                            RetryPolicy.newBuilder().initialInterval(Duration.ofMinutes(5)).build())
                        .build())
                .breakDown();
        default -> {}
      }
      return "done " + outcome;
    }

    @Override
    public void finish() {
      finished = true;
    }
  }

  private EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("jobs")
                .registerWorkflow(Job.class, JobImpl::new)
                .registerActivities(
                    (Broken)
                        () -> {
                          throw new IllegalStateException("disk full");
                        }));
  }

  private static WorkflowOptions.Builder opts(String id) {
    return WorkflowOptions.newBuilder().taskQueue("jobs").workflowId(id);
  }

  @Test
  void typedStubStartsAndWaitsAndFailuresComeBackTyped(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThat(f.client().newWorkflowStub(Job.class, opts("ok").build()).run("fine"))
          .isEqualTo("done fine");
      Job failing = f.client().newWorkflowStub(Job.class, opts("bad").build());
      Histories.record("client-completed", f.client().getHandle("ok"));
      assertThatThrownBy(() -> failing.run("fail"))
          .isInstanceOfSatisfying(
              WorkflowFailedException.class,
              e -> {
                assertThat(e.getStatus()).isEqualTo(WorkflowStatus.FAILED);
                assertThat(e.getWorkflowId()).isEqualTo("bad");
                assertThat(e.getCause())
                    .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        a -> {
                          assertThat(a.getType()).isEqualTo("BadInput");
                          assertThat(a.getMessage()).isEqualTo("bad input");
                        });
              });
      Histories.record("client-failed", f.client().getHandle("bad"));
    }
  }

  @Test
  void aRunningIdIsRefusedOrJoinedAndReusedAfterCloseByDefault(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> first = f.client().start("Job", opts("dup").build(), "wait");
      assertThatThrownBy(() -> f.client().start("Job", opts("dup").build(), "wait"))
          .isInstanceOfSatisfying(
              WorkflowAlreadyStartedException.class,
              e -> {
                assertThat(e.getExistingRunId()).isEqualTo(first.runId());
                assertThat(e.getMessage()).contains("'dup'", "RUNNING");
              });
      WorkflowHandle<Object> joined =
          f.client()
              .start(
                  "Job",
                  opts("dup").idConflictPolicy(WorkflowIdConflictPolicy.USE_EXISTING).build(),
                  "wait");
      assertThat(joined.runId()).isEqualTo(first.runId());
      first.signal("finish");
      first.getResult(WAIT);
      WorkflowHandle<Object> second = f.client().start("Job", opts("dup").build(), "x");
      assertThat(second.runId()).isNotEqualTo(first.runId());
      assertThat(second.getResult(WAIT)).isEqualTo("done x");
      assertThat(f.client().getHandle("dup").runId()).isEqualTo(second.runId());
    }
  }

  @Test
  void rejectDuplicateNeverReusesAndFailedOnlyAllowsAfterFailure(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowOptions reject =
          opts("once").idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build();
      f.client().start("Job", reject, "x").getResult(WAIT);
      assertThatThrownBy(() -> f.client().start("Job", reject, "x"))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("REJECT_DUPLICATE");

      WorkflowOptions failedOnly =
          opts("retry").idReusePolicy(WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY).build();
      WorkflowHandle<Object> failed = f.client().start("Job", failedOnly, "fail");
      assertThatThrownBy(() -> failed.getResult(WAIT)).isInstanceOf(WorkflowFailedException.class);
      f.client().start("Job", failedOnly, "x").getResult(WAIT);
      assertThatThrownBy(() -> f.client().start("Job", failedOnly, "x"))
          .isInstanceOf(WorkflowAlreadyStartedException.class);
    }
  }

  @Test
  void terminateClosesTheRunAtOnce(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = f.client().start("Job", opts("term").build(), "wait");
      Awaitility.await().atMost(WAIT).until(() -> h.fetchHistory().events().size() >= 2);
      h.terminate("operator said so");
      assertThatThrownBy(() -> h.getResult(WAIT))
          .isInstanceOfSatisfying(
              WorkflowFailedException.class,
              e -> {
                assertThat(e.getStatus()).isEqualTo(WorkflowStatus.TERMINATED);
                assertThat(e.getCause())
                    .isInstanceOf(TerminatedFailure.class)
                    .hasMessage("operator said so");
              });
      assertThat(f.stats().workflowTasks() + f.stats().timers() + f.stats().inboxEvents()).isZero();
      Histories.record("client-terminated", h);
    }
  }

  @Test
  void describeShowsAFailingActivityWithItsAttemptsAndLastFailure(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = f.client().start("Job", opts("desc").build(), "retrying");
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  !h.describe().pendingActivities().isEmpty()
                      && h.describe().pendingActivities().get(0).lastFailure() != null);
      WorkflowDescription d = h.describe();
      assertThat(d.status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(d.workflowType()).isEqualTo("Job");
      PendingActivity a = d.pendingActivities().get(0);
      assertThat(a.activityType()).isEqualTo("BreakDown");
      assertThat(a.attempt()).isEqualTo(1);
      assertThat(a.running()).isFalse();
      assertThat(a.nextAttemptAt()).isAfter(d.startTime().plus(Duration.ofMinutes(4)));
      assertThat(a.lastFailure()).isEqualTo("disk full");
      assertThat(d.historyLength()).isEqualTo(3);
    }
  }

  @Test
  void listsAndCountsByStatusAndTypeWithPaging(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      for (int i = 0; i < 5; i++) {
        f.client().start("Job", opts("done-" + i).build(), "x").getResult(WAIT);
      }
      for (int i = 0; i < 3; i++) {
        f.client().start("Job", opts("open-" + i).build(), "wait");
      }
      WorkflowFilter running =
          WorkflowFilter.all().withStatus(WorkflowStatus.RUNNING).withType("Job");
      assertThat(f.client().countWorkflows(running)).isEqualTo(3);
      assertThat(
              f.client().countWorkflows(WorkflowFilter.all().withStatus(WorkflowStatus.COMPLETED)))
          .isEqualTo(5);
      assertThat(f.client().countWorkflows(WorkflowFilter.all().withType("Other"))).isZero();
      Set<String> seen = new HashSet<>();
      WorkflowFilter page = WorkflowFilter.all().withPageSize(3);
      int pages = 0;
      do {
        WorkflowPage result = f.client().listWorkflows(page);
        result.workflows().forEach(w -> assertThat(seen.add(w.runId())).isTrue());
        page = page.pageToken(result.nextPageToken());
        pages++;
      } while (page.pageToken() != null);
      assertThat(seen).hasSize(8);
      assertThat(pages).isEqualTo(3);
    }
  }

  @Test
  void unknownWorkflowIdsAreNamed(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThatThrownBy(() -> f.client().getHandle("nope"))
          .isInstanceOf(WorkflowNotFoundException.class)
          .hasMessageContaining("'nope'");
    }
  }
}
