package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * {@link WeftTestEnvironment#sleep} fires each timer at its own due time, and {@link
 * WeftTestEnvironment#awaitIdle} waits for the engine's work without sleeping.
 */
class TimeSteppingTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Ticks every second forever, remembering when (in milliseconds since its start) each ran. */
  @WorkflowInterface
  public interface Ticker {
    @WorkflowMethod
    void run();

    @QueryMethod
    List<Long> ticks();
  }

  public static class TickerImpl implements Ticker {
    private final List<Long> ticks = new ArrayList<>();

    @Override
    public void run() {
      Instant start = Workflow.now();
      while (true) {
        Workflow.sleep(Duration.ofSeconds(1));
        ticks.add(Duration.between(start, Workflow.now()).toMillis());
      }
    }

    @Override
    public List<Long> ticks() {
      return ticks;
    }
  }

  /** Starts timers of 3 s, 1 s and 2 s at once, the 1 s one followed by another of 1.5 s. */
  @WorkflowInterface
  public interface Racer {
    @WorkflowMethod
    void run();

    @QueryMethod
    List<String> fired();
  }

  public static class RacerImpl implements Racer {
    private final List<String> fired = new ArrayList<>();

    @Override
    public void run() {
      Instant start = Workflow.now();
      List<Promise<Void>> all = new ArrayList<>();
      for (long ms : new long[] {3000, 1000, 2000}) {
        all.add(
            Workflow.newTimer(Duration.ofMillis(ms))
                .thenApply(
                    v -> {
                      fired.add(ms + "@" + Duration.between(start, Workflow.now()).toMillis());
                      return null;
                    }));
      }
      all.add(
          Workflow.async(
              () -> {
                Workflow.sleep(Duration.ofMillis(1000));
                Workflow.sleep(Duration.ofMillis(1500));
                fired.add("1000+1500@" + Duration.between(start, Workflow.now()).toMillis());
              }));
      Promise.allOf(all).get();
      Workflow.sleep(Duration.ofDays(1));
    }

    @Override
    public List<String> fired() {
      return fired;
    }
  }

  private static WeftTestEnvironment environment() {
    WeftTestEnvironment env =
        WeftTestEnvironment.create(WeftTestEnvironment.options().startTime(T0));
    env.newWorker("t")
        .registerWorkflow(Ticker.class, TickerImpl::new)
        .registerWorkflow(Racer.class, RacerImpl::new);
    env.start();
    return env;
  }

  private static <T> T stub(WeftTestEnvironment env, Class<T> type) {
    return env.client().newWorkflowStub(type, WorkflowOptions.newBuilder().taskQueue("t").build());
  }

  @Test
  void fiveSecondsOfSkippedTimeRunAOneSecondLoopFiveTimesEachAtItsDueTime() {
    try (WeftTestEnvironment env = environment()) {
      Ticker ticker = stub(env, Ticker.class);
      env.client().start(ticker::run);
      env.awaitIdle();
      assertThat(ticker.ticks()).isEmpty();

      env.sleep(Duration.ofSeconds(5));

      assertThat(ticker.ticks()).containsExactly(1000L, 2000L, 3000L, 4000L, 5000L);
    }
  }

  @Test
  void sleepingInPartsAddsUp() {
    try (WeftTestEnvironment env = environment()) {
      Ticker ticker = stub(env, Ticker.class);
      env.client().start(ticker::run);
      env.awaitIdle();

      env.sleep(Duration.ofMillis(2500));
      assertThat(ticker.ticks()).containsExactly(1000L, 2000L);
      env.sleep(Duration.ofMillis(1500));
      assertThat(ticker.ticks()).containsExactly(1000L, 2000L, 3000L, 4000L);
    }
  }

  @RepeatedTest(5) // two timers due at once once raced an idle gap in the engine's pollers
  void timersFireInDueTimeOrderEachAtItsOwnTime() {
    try (WeftTestEnvironment env = environment()) {
      Racer racer = stub(env, Racer.class);
      env.client().start(racer::run);
      env.awaitIdle();

      env.sleep(Duration.ofSeconds(4));

      assertThat(racer.fired())
          .containsExactly("1000@1000", "2000@2000", "1000+1500@2500", "3000@3000");
    }
  }

  @Test
  void timersOfSeveralRunsInterleaveByDueTime() {
    try (WeftTestEnvironment env = environment()) {
      Ticker first = stub(env, Ticker.class);
      env.client().start(first::run);
      env.awaitIdle();
      env.sleep(Duration.ofMillis(500));
      Ticker second = stub(env, Ticker.class);
      env.client().start(second::run);
      env.awaitIdle();

      env.sleep(Duration.ofSeconds(3));

      // the first started at T0, the second at T0 + 500 ms: 3.5 s and 3 s of time
      assertThat(first.ticks()).containsExactly(1000L, 2000L, 3000L);
      assertThat(second.ticks()).containsExactly(1000L, 2000L, 3000L);
      assertThat(env.currentTime()).isAfterOrEqualTo(T0.plusMillis(3500));
    }
  }

  @Test
  void theClockStandsStillDuringASleepAndRunsAgainAfterIt() {
    try (WeftTestEnvironment env = environment()) {
      Instant before = env.currentTime();
      env.sleep(Duration.ofHours(1));
      assertThat(env.clock().isFrozen()).isFalse();
      assertThat(Duration.between(before, env.currentTime()))
          .isGreaterThanOrEqualTo(Duration.ofHours(1));
    }
  }

  @Test
  void awaitIdleReturnsOnceAStartedRunHasRunItsFirstTask() {
    try (WeftTestEnvironment env = environment()) {
      Ticker ticker = stub(env, Ticker.class);
      WorkflowHandle<Void> h = env.client().start(ticker::run);
      env.awaitIdle();
      assertThat(h.describe().pendingTimers()).hasSize(1);
    }
  }

  @Test
  void aNegativeSleepIsRefusedAndMovesNothing() {
    try (WeftTestEnvironment env = environment()) {
      env.clock().freeze();
      Instant before = env.currentTime();
      assertThatThrownBy(() -> env.sleep(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PT-1S");
      assertThat(env.currentTime()).isEqualTo(before);
    }
  }

  @Test
  void aFrozenClockMovesOnlyByJumps() {
    SkippingClock clock = new SkippingClock(T0);
    clock.freeze();
    Instant frozen = clock.now();
    assertThat(clock.now()).isEqualTo(frozen);
    clock.advance(Duration.ofMinutes(2));
    assertThat(clock.now()).isEqualTo(frozen.plus(Duration.ofMinutes(2)));
    assertThat(clock.skipped()).isEqualTo(Duration.ofMinutes(2));
    clock.unfreeze();
    assertThat(clock.now()).isAfterOrEqualTo(frozen.plus(Duration.ofMinutes(2)));
  }
}
