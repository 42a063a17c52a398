package dev.weft.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.TimeoutFailure;
import dev.weft.failure.TimeoutType;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activity retries, timeouts and heartbeats, end to end on a real store. */
@Tag("engine")
public class ActivityExecutionTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  /** What the flaky activity does on each call, by key. */
  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  static final List<Object> SEEN_DETAILS = new CopyOnWriteArrayList<>();

  /**
   * Holds attempts that must outlast their timeouts until the test is done with them, so that no
   * attempt can finish before the engine times it out, however slow the machine.
   */
  static volatile CountDownLatch held = new CountDownLatch(0);

  @ActivityInterface
  public interface Flaky {
    /** Fails {@code failures} times with {@code type}, then returns the attempt number. */
    int run(String key, int failures, String type);

    /** Heartbeats progress; the first attempt dies after two items, the next resumes. */
    int resumable(String key, int items);

    /**
     * Stands for work of {@code millis} that outlasts its timeouts: holds the attempt until the
     * test releases it (see {@link #held}).
     */
    void sleep(long millis);

    /** Heartbeats once, then goes silent on the first attempt; the second attempt returns. */
    int goesSilent(String key);
  }

  public static class FlakyImpl implements Flaky {
    @Override
    public int run(String key, int failures, String type) {
      int call = CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (call <= failures) {
        throw ApplicationFailure.newFailure("failure " + call + " of " + key, type);
      }
      return Activity.getInfo().attempt();
    }

    @Override
    public int resumable(String key, int items) {
      int from = Activity.getHeartbeatDetails(Integer.class).orElse(0);
      SEEN_DETAILS.add(from);
      for (int i = from; i < items; i++) {
        Activity.heartbeat(i + 1);
        if (Activity.getInfo().attempt() == 1 && i == 1) {
          throw new IllegalStateException("worker hiccup after item " + (i + 1));
        }
      }
      return from;
    }

    @Override
    public int goesSilent(String key) {
      CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      Activity.heartbeat("alive");
      if (Activity.getInfo().attempt() == 1) {
        hold();
      }
      return Activity.getInfo().attempt();
    }

    @Override
    public void sleep(long millis) {
      hold();
    }

    /** Holds this attempt until the test releases it (or {@link #WAIT} passes). */
    private static void hold() {
      try {
        held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    int call(String mode, String key, int failures, String type);
  }

  public static class CallerImpl implements Caller {
    static final RetryPolicy FAST =
        RetryPolicy.newBuilder()
            .initialInterval(Duration.ofMillis(20))
            .maximumInterval(Duration.ofMillis(50))
            .maximumAttempts(4)
            .nonRetryableErrorTypes("Fatal")
            .build();

    @Override
    public int call(String mode, String key, int failures, String type) {
      ActivityOptions.Builder options =
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofSeconds(10))
              .retryPolicy(FAST);
      switch (mode) {
        case "heartbeat" -> options.heartbeatTimeout(Duration.ofMillis(300));
        case "silent" -> options.heartbeatTimeout(Duration.ofMillis(200));
        case "startToClose" -> options.startToCloseTimeout(Duration.ofMillis(200));
        case "scheduleToClose" ->
            options
                .startToCloseTimeout(null)
                .scheduleToCloseTimeout(Duration.ofMillis(300))
                .retryPolicy(
                    RetryPolicy.newBuilder().initialInterval(Duration.ofMillis(20)).build());
        default -> {}
      }
      Flaky flaky = Workflow.newActivityStub(Flaky.class, options.build());
      return switch (mode) {
        case "heartbeat" -> flaky.resumable(key, 4);
        case "silent" -> flaky.goesSilent(key);
        case "startToClose", "scheduleToClose" -> {
          flaky.sleep(2_000);
          yield -1;
        }
        default -> flaky.run(key, failures, type);
      };
    }
  }

  private EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("acts")
                .registerWorkflow(Caller.class, CallerImpl::new)
                .registerActivities(new FlakyImpl()));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, Object... args) {
    return f.client().start("Caller", WorkflowOptions.newBuilder().taskQueue("acts").build(), args);
  }

  private static long count(WorkflowHandle<?> h, Class<? extends EventAttributes> type) {
    return h.fetchHistory().events().stream().filter(e -> type.isInstance(e.attributes())).count();
  }

  @Test
  void retriesUntilSuccessAndRecordsOneCompletionWithTheAttemptCount(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "run", "retry-ok", 2, "Transient");
      assertThat(h.getResult(Integer.class)).isEqualTo(3);
      Histories.record("activity-retried-until-success", h);
      assertThat(count(h, EventAttributes.ActivityScheduled.class)).isOne();
      assertThat(count(h, EventAttributes.ActivityFailed.class)).isZero();
      HistoryEvent completed =
          h.fetchHistory().events().stream()
              .filter(e -> e.attributes() instanceof EventAttributes.ActivityCompleted)
              .findFirst()
              .orElseThrow();
      assertThat(((EventAttributes.ActivityCompleted) completed.attributes()).attempt())
          .isEqualTo(3);
    }
  }

  @Test
  void givesUpAfterMaximumAttemptsWithTheLastFailure(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "run", "exhaust", 100, "Transient");
      assertThatThrownBy(() -> h.getResult(WAIT))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              af -> {
                assertThat(af.getAttempt()).isEqualTo(4);
                assertThat(af.getActivityType()).isEqualTo("Run");
                assertThat(af.getCause())
                    .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        app -> assertThat(app.getType()).isEqualTo("Transient"));
              });
      assertThat(CALLS.get("exhaust")).hasValue(4);
      Histories.record("activity-retries-exhausted", h);
      assertThat(count(h, EventAttributes.ActivityFailed.class)).isOne();
    }
  }

  @Test
  void doesNotRetryNonRetryableTypes(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "run", "fatal", 100, "Fatal");
      assertThatThrownBy(() -> h.getResult(WAIT))
          .cause()
          .isInstanceOfSatisfying(ActivityFailure.class, af -> assertThat(af.getAttempt()).isOne());
      assertThat(CALLS.get("fatal")).hasValue(1);
    }
  }

  @Test
  void nextAttemptReadsTheHeartbeatDetailsOfTheFailedOne(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      SEEN_DETAILS.clear();
      WorkflowHandle<Object> h = start(f, "heartbeat", "hb", 0, "");
      assertThat(h.getResult(Integer.class)).isEqualTo(2);
      assertThat(SEEN_DETAILS).containsExactly(0, 2);
      Histories.record("activity-heartbeat-details", h);
    }
  }

  @Test
  void anAttemptThatStopsHeartbeatingTimesOutAndIsRetried(@TempDir Path dir) {
    held = new CountDownLatch(1);
    try (EngineFixture f = engine(dir)) {
      try {
        WorkflowHandle<Object> h = start(f, "silent", "silent", 0, "");
        assertThat(h.getResult(Integer.class)).isEqualTo(2);
        assertThat(CALLS.get("silent")).hasValue(2);
        assertThat(count(h, EventAttributes.ActivityTimedOut.class)).isZero();
      } finally {
        held.countDown();
      }
    }
  }

  @Test
  void startToCloseTimeoutFailsTheActivityAfterItsAttempts(@TempDir Path dir) {
    held = new CountDownLatch(1);
    try (EngineFixture f = engine(dir)) {
      try {
        startToCloseFailsAfterItsAttempts(f);
      } finally {
        held.countDown();
      }
    }
  }

  private static void startToCloseFailsAfterItsAttempts(EngineFixture f) {
    WorkflowHandle<Object> h = start(f, "startToClose", "s2c", 0, "");
    assertThatThrownBy(() -> h.getResult(WAIT))
        .cause()
        .isInstanceOfSatisfying(
            ActivityFailure.class,
            af -> {
              assertThat(af.getAttempt()).isEqualTo(4);
              assertThat(af.getCause())
                  .isInstanceOfSatisfying(
                      TimeoutFailure.class,
                      t -> assertThat(t.getTimeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE));
            });
    assertThat(count(h, EventAttributes.ActivityTimedOut.class)).isOne();
    Histories.record("activity-start-to-close-timeout", h);
  }

  @Test
  void scheduleToCloseTimeoutEndsRetriesWhateverThePolicy(@TempDir Path dir) {
    held = new CountDownLatch(1);
    try (EngineFixture f = engine(dir)) {
      try {
        scheduleToCloseEndsRetries(f);
      } finally {
        held.countDown();
      }
    }
  }

  private static void scheduleToCloseEndsRetries(EngineFixture f) {
    WorkflowHandle<Object> h = start(f, "scheduleToClose", "sch2c", 0, "");
    assertThatThrownBy(() -> h.getResult(WAIT))
        .cause()
        .isInstanceOfSatisfying(
            ActivityFailure.class,
            af ->
                assertThat(af.getCause())
                    .isInstanceOfSatisfying(
                        TimeoutFailure.class,
                        t ->
                            assertThat(t.getTimeoutType())
                                .isEqualTo(TimeoutType.SCHEDULE_TO_CLOSE)));
  }
}
