package dev.weft.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.TimeoutFailure;
import dev.weft.failure.TimeoutType;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Heartbeats at any cadence faster than the heartbeat timeout keep an attempt alive (issue 17, fix
 * 1), and an attempt that stops heartbeating still times out.
 */
@Tag("engine")
public class HeartbeatCadenceTest {
  /** The heartbeat timeout T of the sweep: small, so that 10 T of each cadence takes 5 s. */
  static final long TIMEOUT_MILLIS = 500;

  /** The cadences of the sweep, as fractions of T. */
  static final double[] CADENCES = {1 / 5.0, 1 / 4.0, 1 / 3.0, 1 / 2.0, 0.6, 0.8, 0.9};

  @ActivityInterface
  public interface Beats {
    /**
     * Heartbeats every {@code cadenceMillis} (at fixed times from the attempt's start, as a timer
     * would) for {@code totalMillis}, then stops heartbeating for {@code silentMillis} before it
     * returns its attempt number.
     */
    int beat(long cadenceMillis, long totalMillis, long silentMillis);

    /**
     * First attempt: heartbeats 1, 2, 3 at once (the last two within the throttle interval), then
     * goes silent until it times out. Next attempt: returns the details it resumes from.
     */
    int burstThenSilence();
  }

  public static class BeatsImpl implements Beats {
    @Override
    public int beat(long cadenceMillis, long totalMillis, long silentMillis) {
      long start = System.nanoTime();
      long cadence = Duration.ofMillis(cadenceMillis).toNanos();
      int beats = 0;
      while (System.nanoTime() - start < Duration.ofMillis(totalMillis).toNanos()) {
        Activity.heartbeat(++beats);
        parkUntil(start + beats * cadence);
      }
      if (silentMillis > 0) {
        parkUntil(System.nanoTime() + Duration.ofMillis(silentMillis).toNanos());
        // a heartbeat after the silence learns that the lease is gone and stops the attempt
        Activity.heartbeat(-1);
      }
      return Activity.getInfo().attempt();
    }

    @Override
    public int burstThenSilence() {
      if (Activity.getInfo().attempt() == 1) {
        Activity.heartbeat(1);
        Activity.heartbeat(2);
        Activity.heartbeat(3);
        parkUntil(System.nanoTime() + Duration.ofMillis(3 * TIMEOUT_MILLIS).toNanos());
        return -1;
      }
      return Activity.getHeartbeatDetails(Integer.class).orElse(0);
    }

    /** The activity's own work of waiting (the cadence under test), not a test's wait. */
    private static void parkUntil(long nanoTime) {
      for (long left = nanoTime - System.nanoTime();
          left > 0;
          left = nanoTime - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
    }
  }

  @WorkflowInterface
  public interface Beating {
    @WorkflowMethod
    int run(long cadenceMillis, long totalMillis, long silentMillis);
  }

  public static class BeatingImpl implements Beating {
    @Override
    public int run(long cadenceMillis, long totalMillis, long silentMillis) {
      Beats beats =
          Workflow.newActivityStub(
              Beats.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofMinutes(1))
                  .heartbeatTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
                  .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
                  .build());
      return beats.beat(cadenceMillis, totalMillis, silentMillis);
    }
  }

  @WorkflowInterface
  public interface Burst {
    @WorkflowMethod
    int run();
  }

  public static class BurstImpl implements Burst {
    @Override
    public int run() {
      return Workflow.newActivityStub(
              Beats.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofMinutes(1))
                  .heartbeatTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
                  .retryPolicy(
                      RetryPolicy.newBuilder()
                          .initialInterval(Duration.ofMillis(10))
                          .maximumAttempts(2)
                          .build())
                  .build())
          .burstThenSilence();
    }
  }

  private static EngineFixture engine(TestStore store, Path dir) {
    return EngineFixture.start(
        store,
        dir,
        e ->
            e.newWorker("beats")
                .registerWorkflow(Beating.class, BeatingImpl::new)
                .registerWorkflow(Burst.class, BurstImpl::new)
                .registerActivities(new BeatsImpl()));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, Object... args) {
    return f.client()
        .start("Beating", WorkflowOptions.newBuilder().taskQueue("beats").build(), args);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void everyCadenceFasterThanTheTimeoutKeepsTheAttemptAliveForTenTimeouts(
      TestStore store, @TempDir Path dir) {
    try (EngineFixture f = engine(store, dir)) {
      Map<Long, WorkflowHandle<Object>> runs = new LinkedHashMap<>();
      for (double fraction : CADENCES) {
        long cadence = Math.round(TIMEOUT_MILLIS * fraction);
        runs.put(cadence, start(f, cadence, 10 * TIMEOUT_MILLIS, 0L));
      }
      runs.forEach(
          (cadence, run) ->
              assertThat(run.getResult(Integer.class))
                  .as("attempt that completed, heartbeating every %d ms", cadence)
                  .isEqualTo(1));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAttemptThatStopsHeartbeatingTimesOutDespiteEarlierThrottledHeartbeats(
      TestStore store, @TempDir Path dir) {
    try (EngineFixture f = engine(store, dir)) {
      // beats at T/10 for 2 T (most of them throttled, so a flush is pending when they stop)
      WorkflowHandle<Object> h = start(f, TIMEOUT_MILLIS / 10, 2 * TIMEOUT_MILLIS, 2_000L);
      assertThatThrownBy(() -> h.getResult(Duration.ofSeconds(30)))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              af ->
                  assertThat(af.getCause())
                      .isInstanceOfSatisfying(
                          TimeoutFailure.class,
                          t -> assertThat(t.getTimeoutType()).isEqualTo(TimeoutType.HEARTBEAT)));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theLatestThrottledDetailsAreWrittenBeforeTheDeadline(TestStore store, @TempDir Path dir) {
    try (EngineFixture f = engine(store, dir)) {
      WorkflowHandle<Object> h =
          f.client().start("Burst", WorkflowOptions.newBuilder().taskQueue("beats").build());
      assertThat(h.getResult(Integer.class))
          .as("the details the second attempt resumes from")
          .isEqualTo(3);
    }
  }
}
