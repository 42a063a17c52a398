package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.history.EventAttributes;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancellation of whole workflows and of scopes, reaching activities and timers. */
@Tag("engine")
class CancellationTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final List<String> LOG = new CopyOnWriteArrayList<>();
  static volatile CountDownLatch started = new CountDownLatch(1);

  @ActivityInterface
  public interface Work {
    void longRunning();

    void cleanup(String what);
  }

  public static class WorkImpl implements Work {
    @Override
    public void longRunning() {
      started.countDown();
      try {
        for (int i = 0; i < 400; i++) {
          Activity.heartbeat(i);
          // real time on purpose: long work (10 s) that the cancellation must stop early
          Thread.sleep(25);
        }
        LOG.add("finished");
      } catch (ActivityCanceledException e) {
        LOG.add("activity saw cancel");
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void cleanup(String what) {
      LOG.add("cleanup " + what);
    }
  }

  static Work work() {
    return Workflow.newActivityStub(
        Work.class,
        ActivityOptions.newBuilder()
            .startToCloseTimeout(Duration.ofSeconds(30))
            .heartbeatTimeout(Duration.ofMillis(500))
            .build());
  }

  @WorkflowInterface
  public interface Cancellable {
    @WorkflowMethod
    String run(String mode);
  }

  public static class CancellableImpl implements Cancellable {
    @Override
    public String run(String mode) {
      Work work = work();
      switch (mode) {
        case "activity" -> {
          try {
            work.longRunning();
            return "not cancelled";
          } catch (ActivityFailure e) {
            if (e.getCause() instanceof CanceledFailure) {
              Workflow.newDetachedCancellationScope(() -> work.cleanup("after cancel")).run();
            }
            throw e;
          }
        }
        case "timer" -> {
          Workflow.sleep(Duration.ofHours(1));
          return "slept";
        }
        case "scope" -> {
          Promise<Void>[] inner = new Promise[2];
          CancellationScope scope =
              Workflow.newCancellationScope(
                  () -> {
                    inner[0] = Workflow.newTimer(Duration.ofHours(1));
                    inner[1] = Workflow.async(work::longRunning);
                  });
          scope.run();
          Workflow.sleep(Duration.ofMillis(300));
          scope.cancel("enough");
          String timer = failureOf(inner[0]);
          String activity = failureOf(inner[1]);
          work.cleanup("scope");
          return timer + " / " + activity;
        }
        case "message" -> {
          Promise<Void>[] inner = new Promise[1];
          CancellationScope scope =
              Workflow.newCancellationScope(() -> inner[0] = Workflow.async(work::longRunning));
          scope.run();
          Workflow.sleep(Duration.ofMillis(300));
          scope.cancel("customer asked");
          try {
            inner[0].get();
            return "not cancelled";
          } catch (ActivityFailure e) {
            return e.getMessage() + " | " + e.getCause().getMessage() + " | " + e.getAttempt();
          }
        }
        default -> throw new IllegalArgumentException(mode);
      }
    }

    private static String failureOf(Promise<?> promise) {
      try {
        promise.get();
        return "completed";
      } catch (RuntimeException e) {
        return e.getClass().getSimpleName();
      }
    }
  }

  private EngineFixture engine(Path dir) {
    LOG.clear();
    started = new CountDownLatch(1);
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("cancel")
                .registerWorkflow(Cancellable.class, CancellableImpl::new)
                .registerActivities(new WorkImpl()));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String mode) {
    return f.client()
        .start("Cancellable", WorkflowOptions.newBuilder().taskQueue("cancel").build(), mode);
  }

  @Test
  void cancellingTheWorkflowReachesTheRunningActivityAndLetsCleanupRun(@TempDir Path dir)
      throws InterruptedException {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "activity");
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      h.cancel("customer changed their mind");
      assertThatThrownBy(() -> h.getResult(WAIT))
          .isInstanceOfSatisfying(
              WorkflowFailedException.class,
              e -> assertThat(e.getStatus()).isEqualTo(WorkflowStatus.CANCELED));
      Awaitility.await().atMost(WAIT).until(() -> LOG.contains("activity saw cancel"));
      assertThat(LOG).contains("cleanup after cancel").doesNotContain("finished");
      assertThat(h.fetchHistory().events())
          .anyMatch(e -> e.attributes() instanceof EventAttributes.WorkflowCancelRequested)
          .anyMatch(e -> e.attributes() instanceof EventAttributes.ActivityCancelRequested)
          .anyMatch(e -> e.attributes() instanceof EventAttributes.WorkflowCanceled);
      assertThat(f.stats().activityTasks()).isZero();
      Histories.record("cancel-workflow-with-running-activity", h);
    }
  }

  @Test
  void cancellingTheWorkflowCancelsItsTimer(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "timer");
      Awaitility.await().atMost(WAIT).until(() -> f.stats().timers() == 1);
      h.cancel("stop");
      assertThatThrownBy(() -> h.getResult(WAIT))
          .isInstanceOfSatisfying(
              WorkflowFailedException.class,
              e -> {
                assertThat(e.getStatus()).isEqualTo(WorkflowStatus.CANCELED);
                assertThat(e.getCause()).isInstanceOf(CanceledFailure.class);
              });
      assertThat(f.stats().timers()).isZero();
      Histories.record("cancel-workflow-with-timer", h);
    }
  }

  @Test
  void cancellingAScopeCancelsOnlyWhatStartedInIt(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "scope");
      assertThat(h.getResult(String.class)).isEqualTo("CanceledFailure / ActivityFailure");
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(LOG).contains("cleanup scope");
      Histories.record("cancel-scope", h);
      assertThat(h.fetchHistory().events())
          .anyMatch(e -> e.attributes() instanceof EventAttributes.TimerCanceled)
          .anyMatch(e -> e.attributes() instanceof EventAttributes.ActivityCancelRequested);
    }
  }

  @Test
  void aCancelledActivityReportsCanceledNotFailedAfterZeroAttempts(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "message");
      assertThat(h.getResult(String.class))
          .isEqualTo("activity 'LongRunning' (seq 2) canceled: customer asked | customer asked | 0")
          .doesNotContain("failed after");
    }
  }

  @Test
  void aCancelledActivityThatFailsTheWorkflowSaysCanceledInTheWorkflowFailure(@TempDir Path dir)
      throws InterruptedException {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "activity");
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      h.cancel("customer changed their mind");
      assertThatThrownBy(() -> h.getResult(WAIT))
          .isInstanceOfSatisfying(
              WorkflowFailedException.class,
              e ->
                  assertThat(e.getMessage())
                      .contains(
                          "ended CANCELED: activity 'LongRunning' (seq 1) canceled: customer"
                              + " changed their mind")
                      .doesNotContain("failed after"));
    }
  }
}
