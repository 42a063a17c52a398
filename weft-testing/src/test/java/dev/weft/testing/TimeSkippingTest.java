package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.history.HistoryEvent;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The test environment's clock jumps over idle time: timers and retry backoffs included. */
class TimeSkippingTest {
  static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @WorkflowInterface
  public interface Sleeper {
    @WorkflowMethod
    long sleep(Duration duration);
  }

  public static class SleeperImpl implements Sleeper {
    @Override
    public long sleep(Duration duration) {
      Instant before = Workflow.now();
      Workflow.sleep(duration);
      return Duration.between(before, Workflow.now()).toSeconds();
    }
  }

  @ActivityInterface
  public interface Unreliable {
    int call();
  }

  @WorkflowInterface
  public interface Retrier {
    @WorkflowMethod
    int run();
  }

  public static class RetrierImpl implements Retrier {
    @Override
    public int run() {
      return Workflow.newActivityStub(
              Unreliable.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofSeconds(10))
                  .retryPolicy(
                      RetryPolicy.newBuilder().initialInterval(Duration.ofHours(1)).build())
                  .build())
          .call();
    }
  }

  @Test
  void aSevenDaySleepCompletesWithoutWaitingForIt() {
    try (WeftTestEnvironment env = WeftTestEnvironment.create()) {
      env.newWorker("t").registerWorkflow(Sleeper.class, SleeperImpl::new);
      env.start();
      Instant start = env.currentTime();
      long wallStart = System.nanoTime();
      Sleeper stub =
          env.client()
              .newWorkflowStub(Sleeper.class, WorkflowOptions.newBuilder().taskQueue("t").build());
      long slept = stub.sleep(Duration.ofDays(7));
      Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
      System.out.println("7-day sleep took " + wall.toMillis() + " ms of wall time");
      assertThat(slept).isGreaterThanOrEqualTo(Duration.ofDays(7).toSeconds());
      assertThat(env.currentTime()).isAfterOrEqualTo(start.plus(Duration.ofDays(7)));
      assertThat(wall).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void timersOfSeveralRunsFireInTimeOrder() {
    try (WeftTestEnvironment env = WeftTestEnvironment.create()) {
      env.newWorker("t").registerWorkflow(Sleeper.class, SleeperImpl::new);
      env.start();
      WorkflowOptions o = WorkflowOptions.newBuilder().taskQueue("t").build();
      List<WorkflowHandle<Long>> handles =
          List.of(Duration.ofDays(3), Duration.ofHours(5), Duration.ofDays(30)).stream()
              .map(
                  d -> env.client().start(env.client().newWorkflowStub(Sleeper.class, o)::sleep, d))
              .toList();
      assertThat(handles.get(0).getResult()).isGreaterThanOrEqualTo(Duration.ofDays(3).toSeconds());
      assertThat(handles.get(1).getResult())
          .isGreaterThanOrEqualTo(Duration.ofHours(5).toSeconds());
      assertThat(handles.get(2).getResult())
          .isGreaterThanOrEqualTo(Duration.ofDays(30).toSeconds());
      Instant fired0 = closeTime(handles.get(0));
      Instant fired1 = closeTime(handles.get(1));
      Instant fired2 = closeTime(handles.get(2));
      assertThat(fired1).isBefore(fired0);
      assertThat(fired0).isBefore(fired2);
    }
  }

  private static Instant closeTime(WorkflowHandle<?> h) {
    List<HistoryEvent> events = h.fetchHistory().events();
    return events.get(events.size() - 1).time();
  }

  @Test
  void retryBackoffsAreSkippedToo() {
    ATTEMPTS.set(0);
    try (WeftTestEnvironment env = WeftTestEnvironment.create()) {
      env.newWorker("t")
          .registerWorkflow(Retrier.class, RetrierImpl::new)
          .registerActivities(
              (Unreliable)
                  () -> {
                    if (ATTEMPTS.incrementAndGet() < 3) {
                      throw new IllegalStateException("not yet");
                    }
                    return ATTEMPTS.get();
                  });
      env.start();
      Instant start = env.currentTime();
      Retrier stub =
          env.client()
              .newWorkflowStub(Retrier.class, WorkflowOptions.newBuilder().taskQueue("t").build());
      assertThat(stub.run()).isEqualTo(3);
      assertThat(env.currentTime()).isAfterOrEqualTo(start.plus(Duration.ofHours(3)));
    }
  }

  @Test
  void testsCanMoveTimeThemselvesWhenSkippingIsOff() {
    try (WeftTestEnvironment env =
        WeftTestEnvironment.create(WeftTestEnvironment.options().timeSkipping(false))) {
      env.newWorker("t").registerWorkflow(Sleeper.class, SleeperImpl::new);
      env.start();
      Sleeper stub =
          env.client()
              .newWorkflowStub(Sleeper.class, WorkflowOptions.newBuilder().taskQueue("t").build());
      WorkflowHandle<Long> h = env.client().start(stub::sleep, Duration.ofMinutes(10));
      org.awaitility.Awaitility.await().until(() -> !h.describe().pendingTimers().isEmpty());
      env.sleep(Duration.ofMinutes(10));
      assertThat(h.getResult(Duration.ofSeconds(20))).isGreaterThanOrEqualTo(600);
    }
  }
}
