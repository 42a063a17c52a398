package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.TimeoutFailure;
import dev.weft.failure.TimeoutType;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.history.EventAttributes;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflow retry policies, run timeouts and execution timeouts. */
@Tag("engine")
public class WorkflowRetryAndTimeoutTest {

  @WorkflowInterface
  public interface Job {
    /**
     * Fails with {@code failureType} until attempt {@code okFrom}; with {@code hangUntil} above the
     * attempt, sleeps for an hour instead (so that a timeout ends the run).
     */
    @WorkflowMethod
    String run(int okFrom, String failureType, int hangUntil);
  }

  public static class JobImpl implements Job {
    @Override
    public String run(int okFrom, String failureType, int hangUntil) {
      WorkflowInfo info = Workflow.getInfo();
      if (info.attempt() < hangUntil) {
        Workflow.sleep(Duration.ofHours(1));
      }
      if (info.attempt() < okFrom) {
        throw ApplicationFailure.newFailure("attempt " + info.attempt() + " failed", failureType);
      }
      return "ok on attempt " + info.attempt() + " after " + info.continuedFromRunId();
    }
  }

  @WorkflowInterface
  public interface Chain {
    /** Continues as new every 100 ms, forever. */
    @WorkflowMethod
    void run(int step);
  }

  public static class ChainImpl implements Chain {
    @Override
    public void run(int step) {
      Workflow.sleep(Duration.ofMillis(100));
      Workflow.continueAsNew(step + 1);
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("jobs")
                .registerWorkflow(Job.class, JobImpl::new)
                .registerWorkflow(Chain.class, ChainImpl::new));
  }

  private static WorkflowOptions.Builder options(String id) {
    return WorkflowOptions.newBuilder().workflowId(id).taskQueue("jobs");
  }

  private static RetryPolicy retries(int maximumAttempts) {
    return RetryPolicy.newBuilder()
        .initialInterval(Duration.ofMillis(50))
        .maximumAttempts(maximumAttempts)
        .nonRetryableErrorTypes("Fatal")
        .build();
  }

  private static List<WorkflowSummary> runs(EngineFixture f, String workflowId) {
    return f
        .client()
        .listWorkflows(WorkflowFilter.all().withWorkflowId(workflowId))
        .workflows()
        .stream()
        .sorted(Comparator.comparing(WorkflowSummary::startTime))
        .toList();
  }

  private static EventAttributes lastEvent(WorkflowHandle<?> h) {
    List<dev.weft.history.HistoryEvent> events = h.fetchHistory().events();
    return events.get(events.size() - 1).attributes();
  }

  @Test
  void aFailedRunIsRetriedAsANewRunUntilAnAttemptSucceeds(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client()
              .start("Job", options("retry-ok").retryPolicy(retries(5)).build(), 3, "Transient", 0);

      String result = h.getResult(String.class);

      List<WorkflowSummary> runs = runs(f, "retry-ok");
      assertThat(runs)
          .extracting(WorkflowSummary::status)
          .containsExactly(WorkflowStatus.FAILED, WorkflowStatus.FAILED, WorkflowStatus.COMPLETED);
      assertThat(result).isEqualTo("ok on attempt 3 after " + runs.get(1).runId());
      WorkflowHandle<Object> first = f.client().getHandle("retry-ok", runs.get(0).runId());
      assertThat(lastEvent(first))
          .isEqualTo(
              new EventAttributes.WorkflowFailed(
                  ((EventAttributes.WorkflowFailed) lastEvent(first)).failure(),
                  runs.get(1).runId()));
      Histories.record("workflow-failed-and-retried", first);
    }
  }

  @Test
  void aNonRetryableFailureEndsTheWorkflowAtOnce(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client().start("Job", options("fatal").retryPolicy(retries(5)).build(), 9, "Fatal", 0);

      assertThatThrownBy(() -> h.getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class, app -> assertThat(app.getType()).isEqualTo("Fatal"));
      assertThat(runs(f, "fatal")).hasSize(1);
    }
  }

  @Test
  void theLastAttemptsFailureIsTheWorkflowsFailure(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client()
              .start(
                  "Job", options("exhausted").retryPolicy(retries(2)).build(), 9, "Transient", 0);

      assertThatThrownBy(() -> h.getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .hasMessageContaining("attempt 2 failed");
      assertThat(runs(f, "exhausted"))
          .extracting(WorkflowSummary::status)
          .containsExactly(WorkflowStatus.FAILED, WorkflowStatus.FAILED);
    }
  }

  @Test
  void withoutARetryPolicyAFailedRunIsNotRetried(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client().start("Job", options("no-policy").build(), 2, "Transient", 0);

      assertThatThrownBy(() -> h.getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class);
      assertThat(runs(f, "no-policy")).hasSize(1);
    }
  }

  @Test
  void aRunTimeoutEndsTheRunWithoutItsCode(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client()
              .start(
                  "Job",
                  options("slow").workflowRunTimeout(Duration.ofMillis(300)).build(),
                  1,
                  "",
                  99);
      assertThat(h.describe().runDeadline()).isNotNull();

      assertThatThrownBy(() -> h.getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              TimeoutFailure.class,
              t -> assertThat(t.getTimeoutType()).isEqualTo(TimeoutType.WORKFLOW_RUN));
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.TIMED_OUT);
      assertThat(h.describe().pendingTimers()).isEmpty();
      assertThat(lastEvent(h))
          .isEqualTo(new EventAttributes.WorkflowTimedOut("WORKFLOW_RUN", null));
      assertThat(f.store().findTimers(h.describe().runId())).isEmpty();
      Histories.record("workflow-run-timed-out", h);
    }
  }

  @Test
  void aTimedOutRunIsRetriedUnderTheRetryPolicy(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client()
              .start(
                  "Job",
                  options("slow-then-ok")
                      .workflowRunTimeout(Duration.ofMillis(300))
                      .retryPolicy(retries(3))
                      .build(),
                  1,
                  "",
                  2);

      assertThat(h.getResult(String.class)).startsWith("ok on attempt 2");
      assertThat(runs(f, "slow-then-ok"))
          .extracting(WorkflowSummary::status)
          .containsExactly(WorkflowStatus.TIMED_OUT, WorkflowStatus.COMPLETED);
    }
  }

  @Test
  void anExecutionTimeoutCoversEveryRunOfTheWorkflow(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          f.client()
              .start(
                  "Chain",
                  options("chain")
                      .workflowExecutionTimeout(Duration.ofMillis(700))
                      .retryPolicy(retries(10))
                      .build(),
                  0);

      assertThatThrownBy(() -> h.getResult(Object.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              TimeoutFailure.class,
              t -> assertThat(t.getTimeoutType()).isEqualTo(TimeoutType.WORKFLOW_EXECUTION));
      List<WorkflowSummary> runs = runs(f, "chain");
      assertThat(runs.size()).isGreaterThan(2);
      assertThat(runs.subList(0, runs.size() - 1))
          .allMatch(r -> r.status() == WorkflowStatus.CONTINUED_AS_NEW);
      assertThat(runs.get(runs.size() - 1).status()).isEqualTo(WorkflowStatus.TIMED_OUT);
      assertThat(Duration.between(runs.get(0).startTime(), runs.get(runs.size() - 1).closeTime()))
          .isBetween(Duration.ofMillis(700), Duration.ofMillis(1_500));
    }
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> options("x").workflowRunTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WorkflowOptions.workflowRunTimeout must be positive, was PT0S");
  }
}
