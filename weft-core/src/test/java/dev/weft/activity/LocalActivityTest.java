package dev.weft.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.NonDeterminismException;
import dev.weft.failure.TimeoutFailure;
import dev.weft.failure.TimeoutType;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.LocalActivityRecorded;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.runtime.HistoryCheck;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local activities: run in the workflow task, no task-queue round trip, retried in the task or
 * after a durable timer, recorded once.
 */
@Tag("engine")
public class LocalActivityTest {
  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  static volatile CountDownLatch blockFirstCall = new CountDownLatch(0);
  static volatile CountDownLatch firstCallStarted = new CountDownLatch(1);

  @ActivityInterface
  public interface Lookups {
    /** Fails {@code failures} times with {@code type}, then returns "key@attempt". */
    String lookup(String key, int failures, String type);

    /** Sleeps (real time), then returns the key; interrupted when cancelled or timed out. */
    String slow(String key, long millis);

    /** Whether it runs as a local activity. */
    boolean isLocal();
  }

  public static class LookupsImpl implements Lookups {
    @Override
    public String lookup(String key, int failures, String type) {
      int call = CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      if (call == 1 && key.startsWith("crash")) {
        firstCallStarted.countDown();
        try {
          blockFirstCall.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      if (call <= failures) {
        throw ApplicationFailure.newFailure("failure " + call + " of " + key, type);
      }
      return key + "@" + Activity.getInfo().attempt();
    }

    @Override
    public String slow(String key, long millis) {
      CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      try {
        // real time on purpose: work that outlasts the timeout or cancellation that interrupts it
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        CALLS.computeIfAbsent(key + "-interrupted", k -> new AtomicInteger()).incrementAndGet();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
      return key;
    }

    @Override
    public boolean isLocal() {
      return Activity.getInfo().local();
    }
  }

  @WorkflowInterface
  public interface Enricher {
    @WorkflowMethod
    List<String> enrich(String mode, String key);
  }

  public static class EnricherImpl implements Enricher {
    private static Lookups stub(RetryPolicy retry, Duration startToClose) {
      return Workflow.newLocalActivityStub(
          Lookups.class,
          LocalActivityOptions.newBuilder()
              .startToCloseTimeout(startToClose)
              .retryPolicy(retry)
              .build());
    }

    private static RetryPolicy fast(int attempts) {
      return RetryPolicy.newBuilder()
          .initialInterval(Duration.ofMillis(10))
          .maximumAttempts(attempts)
          .nonRetryableErrorTypes("Fatal")
          .build();
    }

    @Override
    public List<String> enrich(String mode, String key) {
      return switch (mode) {
        case "three" -> {
          Lookups l = stub(fast(3), Duration.ofSeconds(5));
          yield List.of(
              l.lookup(key + "-a", 0, ""),
              l.lookup(key + "-b", 0, ""),
              l.lookup(key + "-c", 0, ""),
              String.valueOf(l.isLocal()));
        }
        case "flaky" -> List.of(stub(fast(5), Duration.ofSeconds(5)).lookup(key, 2, "Transient"));
        case "fatal" -> List.of(stub(fast(5), Duration.ofSeconds(5)).lookup(key, 9, "Fatal"));
        case "long-backoff" -> {
          // the backoff (300 ms) does not fit in the task's local budget (100 ms): a timer waits
          RetryPolicy slowRetry =
              RetryPolicy.newBuilder()
                  .initialInterval(Duration.ofMillis(300))
                  .maximumAttempts(3)
                  .build();
          yield List.of(stub(slowRetry, Duration.ofSeconds(5)).lookup(key, 1, "Transient"));
        }
        case "timeout" -> List.of(stub(fast(2), Duration.ofMillis(100)).slow(key, 5_000));
        case "crash" -> List.of(stub(fast(3), Duration.ofSeconds(30)).lookup(key, 0, ""));
        case "cancel" -> {
          Lookups l = stub(fast(1), Duration.ofSeconds(30));
          Promise<String>[] slow = new Promise[1];
          CancellationScope scope =
              Workflow.newCancellationScope(
                  () -> slow[0] = Workflow.async(() -> l.slow(key, 10_000)));
          scope.run();
          String fast = l.lookup(key + "-fast", 0, "");
          scope.cancel("fast path won");
          String outcome;
          try {
            outcome = slow[0].get();
          } catch (ActivityFailure e) {
            outcome = e.getCause().getClass().getSimpleName();
          }
          yield List.of(fast, outcome);
        }
        default -> throw new IllegalArgumentException(mode);
      };
    }
  }

  /** The same workflow after someone turned the local lookups into normal activities. */
  public static class RemoteLookupsImpl implements Enricher {
    @Override
    public List<String> enrich(String mode, String key) {
      Lookups l =
          Workflow.newActivityStub(
              Lookups.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(5)).build());
      return List.of(l.lookup(key + "-a", 0, ""));
    }
  }

  private static int count(String key) {
    AtomicInteger calls = CALLS.get(key);
    return calls == null ? 0 : calls.get();
  }

  private static EngineFixture engine(Path dir, Duration lease) {
    CALLS.clear();
    return EngineFixture.start(
        dir,
        b -> b.workflowTaskLease(lease),
        e ->
            e.newWorker("enrich")
                .registerWorkflow(Enricher.class, EnricherImpl::new)
                .registerActivities(new LookupsImpl()));
  }

  private static EngineFixture engine(Path dir) {
    return engine(dir, Duration.ofSeconds(10));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String mode, String key) {
    return f.client()
        .start("Enricher", WorkflowOptions.newBuilder().taskQueue("enrich").build(), mode, key);
  }

  private static <T extends EventAttributes> List<T> events(WorkflowHandle<?> h, Class<T> type) {
    return h.fetchHistory().events().stream()
        .map(e -> e.attributes())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  @Test
  void runInTheWorkflowTaskAndAreRecordedOnceEach(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "three", "block-7");
      assertThat(h.getResult(List.class))
          .containsExactly("block-7-a@1", "block-7-b@1", "block-7-c@1", "true");
      Histories.record("local-activities-in-one-task", h);

      assertThat(events(h, LocalActivityRecorded.class))
          .extracting(LocalActivityRecorded::activityType)
          .containsExactly("Lookup", "Lookup", "Lookup", "IsLocal");
      assertThat(events(h, EventAttributes.ActivityScheduled.class)).isEmpty();
      assertThat(events(h, EventAttributes.WorkflowTaskCompleted.class))
          .as("all four ran inside the first workflow task")
          .hasSize(1);
      assertThat(f.stats().activityTasks()).isZero();
      assertThat(CALLS.get("block-7-a")).hasValue(1);
    }
  }

  @Test
  void replayReportsALocalActivityTurnedIntoANormalOne() {
    assertThatThrownBy(
            () ->
                HistoryCheck.replay(
                    Histories.load("local-activities-in-one-task"),
                    Enricher.class,
                    RemoteLookupsImpl::new,
                    new PayloadConverter(new JacksonDataConverter(), null, Long.MAX_VALUE)))
        .isInstanceOf(NonDeterminismException.class)
        .hasMessageContaining("ActivityScheduled(seq 1, activity type 'Lookup')")
        .hasMessageContaining("LocalActivityRecorded(seq 1, activity type 'Lookup', attempt 1)");
  }

  @Test
  void shortRetriesHappenInTheTaskAndOnlyTheOutcomeIsRecorded(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "flaky", "flaky");
      assertThat(h.getResult(List.class)).containsExactly("flaky@3");
      List<LocalActivityRecorded> recorded = events(h, LocalActivityRecorded.class);
      assertThat(recorded).hasSize(1);
      assertThat(recorded.get(0).attempt()).isEqualTo(3);
      assertThat(recorded.get(0).failure()).isNull();
      assertThat(CALLS.get("flaky")).hasValue(3);
    }
  }

  @Test
  void aNonRetryableFailureReachesTheWorkflowAsAnActivityFailure(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "fatal", "fatal");
      assertThatThrownBy(() -> h.getResult(List.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              af -> {
                assertThat(af.getActivityType()).isEqualTo("Lookup");
                assertThat(af.getAttempt()).isEqualTo(1);
                assertThat(af.getCause())
                    .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        app -> assertThat(app.getType()).isEqualTo("Fatal"));
              });
      assertThat(CALLS.get("fatal")).hasValue(1);
    }
  }

  @Test
  void aBackoffLongerThanTheTaskWaitsForADurableTimer(@TempDir Path dir) {
    try (EngineFixture f = engine(dir, Duration.ofMillis(200))) {
      WorkflowHandle<Object> h = start(f, "long-backoff", "late-metadata");
      assertThat(h.getResult(List.class)).containsExactly("late-metadata@2");
      Histories.record("local-activity-retried-after-timer", h);

      List<LocalActivityRecorded> recorded = events(h, LocalActivityRecorded.class);
      assertThat(recorded).hasSize(2);
      assertThat(recorded.get(0).failure()).isNotNull();
      assertThat(recorded.get(0).retryAfter()).isEqualTo(Duration.ofMillis(300));
      assertThat(recorded.get(1).attempt()).isEqualTo(2);
      assertThat(recorded.get(1).failure()).isNull();
      assertThat(events(h, EventAttributes.TimerFired.class)).hasSize(1);
      assertThat(CALLS.get("late-metadata")).hasValue(2);
    }
  }

  @Test
  void anAttemptPastItsStartToCloseTimeoutIsInterruptedAndRetried(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "timeout", "stuck");
      assertThatThrownBy(() -> h.getResult(List.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              af -> {
                assertThat(af.getAttempt()).isEqualTo(2);
                assertThat(af.getCause())
                    .isInstanceOfSatisfying(
                        TimeoutFailure.class,
                        t -> assertThat(t.getTimeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE));
              });
      assertThat(CALLS.get("stuck")).hasValue(2);
      assertThat(CALLS.get("stuck-interrupted")).hasValue(2);
    }
  }

  @Test
  void cancellingItsScopeInterruptsARunningLocalActivityAndRecordsNothingForIt(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "cancel", "race");
      assertThat(h.getResult(List.class))
          .containsExactly("race-fast@1", CanceledFailure.class.getSimpleName());
      Histories.record("local-activity-cancelled", h);
      assertThat(events(h, LocalActivityRecorded.class))
          .extracting(LocalActivityRecorded::activityType)
          .containsExactly("Lookup");
      // the slow attempt was interrupted, or cancelled before its thread started
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(count("race-interrupted")).isEqualTo(count("race")));
    }
  }

  @Test
  void anAttemptCutOffByARestartRunsAgainAndIsRecordedOnce(@TempDir Path dir) throws Exception {
    blockFirstCall = new CountDownLatch(1);
    firstCallStarted = new CountDownLatch(1);
    // the engine closes without waiting for its in-flight task, as if the process died
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            b -> b.shutdownTimeout(Duration.ofMillis(50)),
            e ->
                e.newWorker("enrich")
                    .registerWorkflow(Enricher.class, EnricherImpl::new)
                    .registerActivities(new LookupsImpl()))) {
      CALLS.clear();
      WorkflowHandle<Object> h = start(f, "crash", "crash-1");
      assertThat(firstCallStarted.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      f.restart(
          e ->
              e.newWorker("enrich")
                  .registerWorkflow(Enricher.class, EnricherImpl::new)
                  .registerActivities(new LookupsImpl()));
      blockFirstCall.countDown();
      WorkflowHandle<Object> again = f.client().getHandle(h.workflowId());
      assertThat(again.getResult(List.class)).containsExactly("crash-1@1");
      assertThat(CALLS.get("crash-1")).hasValue(2);
      assertThat(events(again, LocalActivityRecorded.class)).hasSize(1);
    } finally {
      blockFirstCall = new CountDownLatch(0);
    }
  }
}
