package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.RunParts.INFO;
import static dev.weft.internal.runtime.RunParts.NOW;
import static dev.weft.internal.runtime.RunParts.PAYLOADS;
import static dev.weft.internal.runtime.RunParts.liveTask;
import static dev.weft.internal.runtime.RunParts.replayTask;
import static dev.weft.internal.runtime.RunParts.rootScope;
import static dev.weft.internal.runtime.RunParts.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftClock;
import dev.weft.engine.WorkerOptions;
import dev.weft.failure.ActivityFailure;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.LocalActivityRecorded;
import dev.weft.internal.activity.LocalActivities;
import dev.weft.internal.engine.MillisClock;
import dev.weft.internal.engine.Registry;
import dev.weft.workflow.Promise;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class LocalActivityAttemptsTest {

  @ActivityInterface
  public interface Lookups {
    String lookup(String key);
  }

  /** Fails its first {@code failures} calls, then answers; "block" waits until interrupted. */
  static final class LookupsImpl implements Lookups {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicBoolean blocking = new AtomicBoolean();
    final AtomicBoolean interrupted = new AtomicBoolean();
    final CountDownLatch never = new CountDownLatch(1);
    final int failures;

    LookupsImpl(int failures) {
      this.failures = failures;
    }

    @Override
    public String lookup(String key) {
      if (key.equals("block")) {
        try {
          blocking.set(true);
          never.await();
        } catch (InterruptedException e) {
          interrupted.set(true);
        }
        return "unblocked";
      }
      if (calls.incrementAndGet() <= failures) {
        throw new IllegalStateException("lookup " + calls.get() + " failed");
      }
      return "value-" + key;
    }
  }

  /** The parts of a run whose local activity fails {@code failures} times first. */
  private static final class Parts {
    final CurrentTask task;
    final LookupsImpl lookups;
    final PendingCalls calls;
    final LocalActivityAttempts attempts;

    Parts(CurrentTask task, int failures, Duration budget) {
      this.task = task;
      this.lookups = new LookupsImpl(failures);
      Registry registry = new Registry();
      registry.queue(INFO.taskQueue(), WorkerOptions.DEFAULTS).registerActivities(lookups);
      this.calls =
          new PendingCalls(
              INFO,
              task,
              PAYLOADS,
              ActivityTypeCheck.NONE,
              SearchAttributeIndexer.BY_JAVA_TYPE,
              new WorkflowRandom(INFO.runId()),
              () -> started("ada"));
      this.attempts =
          new LocalActivityAttempts(
              INFO,
              task,
              calls,
              PAYLOADS,
              ActivityTypeCheck.NONE,
              new LocalActivities(
                  registry, new MillisClock(WeftClock.system()), PAYLOADS, "node-1"),
              budget);
      attempts.beginTask();
    }

    Promise<String> lookup(String key, LocalActivityOptions options) {
      return attempts.schedule(rootScope(), "Lookup", String.class, new Object[] {key}, options);
    }
  }

  private static Parts with(CurrentTask task, int failures, Duration budget) {
    return new Parts(task, failures, budget);
  }

  private final Parts parts = with(liveTask(), 0, Duration.ofSeconds(5));
  private final CurrentTask task = parts.task;
  private final LookupsImpl lookups = parts.lookups;
  private final LocalActivityAttempts attempts = parts.attempts;

  private static LocalActivityOptions retrying(int maximumAttempts, Duration interval) {
    return LocalActivityOptions.newBuilder()
        .startToCloseTimeout(Duration.ofSeconds(5))
        .retryPolicy(
            RetryPolicy.newBuilder()
                .initialInterval(interval)
                .maximumAttempts(maximumAttempts)
                .build())
        .build();
  }

  private Promise<String> lookup(String key, LocalActivityOptions options) {
    return parts.lookup(key, options);
  }

  @Test
  void anAttemptRunsInTheTaskAndItsOutcomeIsRecorded() {
    Promise<String> value = lookup("k", retrying(1, Duration.ofSeconds(1)));
    assertThat(attempts.hasOutstanding()).isTrue();

    assertThat(attempts.recordNext()).isTrue();

    LocalActivityRecorded recorded = (LocalActivityRecorded) task.produced().get(0);
    assertThat(recorded.seq()).isEqualTo(1);
    assertThat(recorded.attempt()).isEqualTo(1);
    assertThat(recorded.retryAfter()).isNull();
    assertThat(value.get()).isEqualTo("value-k");
    assertThat(attempts.hasOutstanding()).isFalse();
    assertThat(attempts.recordNext()).isFalse();
  }

  @Test
  void aFailedAttemptIsRetriedInsideTheTaskUntilThePolicyGivesUp() {
    Parts test = with(liveTask(), 5, Duration.ofSeconds(5));
    Promise<String> value = test.lookup("k", retrying(2, Duration.ofMillis(10)));

    assertThat(test.attempts.recordNext()).isTrue();
    assertThat(test.task.produced()).isEmpty();
    assertThat(test.attempts.recordNext()).isTrue();

    LocalActivityRecorded recorded = (LocalActivityRecorded) test.task.produced().get(0);
    assertThat(recorded.attempt()).isEqualTo(2);
    assertThat(recorded.failure().message()).contains("lookup 2 failed");
    assertThat(recorded.retryAfter()).isNull();
    assertThat(value.getFailure()).isInstanceOf(ActivityFailure.class);
    assertThat(test.lookups.calls).hasValue(2);
  }

  @Test
  void aBackoffBeyondTheTasksBudgetWaitsForADurableTimer() {
    Parts test = with(liveTask(), 1, Duration.ofSeconds(2));
    Promise<String> value = test.lookup("k", retrying(3, Duration.ofSeconds(30)));

    assertThat(test.attempts.recordNext()).isTrue();

    LocalActivityRecorded recorded = (LocalActivityRecorded) test.task.produced().get(0);
    assertThat(recorded.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(test.task.produced().get(1))
        .isEqualTo(
            new EventAttributes.TimerStarted(
                2, Duration.ofSeconds(30), NOW.plus(Duration.ofSeconds(30))));
    assertThat(value.isDone()).isFalse();
    assertThat(test.attempts.hasOutstanding()).isFalse();

    test.calls.resolve(2, new EventAttributes.TimerFired(2));

    assertThat(test.attempts.hasOutstanding()).isTrue();
    assertThat(test.attempts.recordNext()).isTrue();
    assertThat(value.get()).isEqualTo("value-k");
  }

  @Test
  void replayRunsNoAttemptAndAppliesTheRecordedOutcome() {
    LocalActivityRecorded recorded =
        new LocalActivityRecorded(1, "Lookup", PAYLOADS.encode("recorded", "r"), null, 1, null);
    Parts test = with(replayTask(recorded), 0, Duration.ofSeconds(5));

    Promise<String> value = test.lookup("k", retrying(1, Duration.ofSeconds(1)));

    assertThat(test.attempts.recordNext()).isTrue();
    assertThat(value.get()).isEqualTo("recorded");
    assertThat(test.lookups.calls).hasValue(0);
    test.task.finishReplay();
  }

  @Test
  void stoppingInterruptsRunningAttemptsAndRecordsNothing() {
    lookup("block", retrying(1, Duration.ofSeconds(1)));
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilTrue(lookups.blocking);

    attempts.stop();

    Awaitility.await().atMost(Duration.ofSeconds(10)).untilTrue(lookups.interrupted);
    assertThat(attempts.recordNext()).isFalse();
    assertThat(task.produced()).isEmpty();
  }
}
