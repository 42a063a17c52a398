package dev.weft.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.PendingActivity;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftClock;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ActivityNotFoundException;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.testsupport.ManualClock;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous activity completion: an attempt hands out its task token and returns without
 * completing; a client completes, fails or heartbeats it later, fenced by the attempt.
 */
@Tag("engine")
public class AsyncCompletionTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  /** Task tokens handed out by attempts, in order. */
  static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();

  /** The thread each attempt ran on, by task token. */
  static final Map<String, Thread> THREADS = new ConcurrentHashMap<>();

  @ActivityInterface
  public interface Approvals {
    /** Asks a person to approve; the answer comes back later through the client. */
    String requestApproval(String item);
  }

  public static class ApprovalsImpl implements Approvals {
    @Override
    public String requestApproval(String item) {
      String token = Activity.getInfo().taskToken();
      THREADS.put(token, Thread.currentThread());
      TOKENS.add(token);
      Activity.doNotCompleteOnReturn();
      return null;
    }
  }

  @WorkflowInterface
  public interface Purchase {
    @WorkflowMethod
    String buy(String item, long heartbeatTimeoutMillis);
  }

  public static class PurchaseImpl implements Purchase {
    @Override
    public String buy(String item, long heartbeatTimeoutMillis) {
      ActivityOptions.Builder options =
          ActivityOptions.newBuilder()
              .startToCloseTimeout(Duration.ofMinutes(5))
              .retryPolicy(
                  RetryPolicy.newBuilder()
                      .initialInterval(Duration.ofMillis(10))
                      .maximumAttempts(3)
                      .nonRetryableErrorTypes("Rejected")
                      .build());
      if (heartbeatTimeoutMillis > 0) {
        options.heartbeatTimeout(Duration.ofMillis(heartbeatTimeoutMillis));
      }
      String answer =
          Workflow.newActivityStub(Approvals.class, options.build()).requestApproval(item);
      return item + ": " + answer;
    }
  }

  private EngineFixture engine(Path dir) {
    return engine(dir, WeftClock.system());
  }

  private EngineFixture engine(Path dir, WeftClock clock) {
    TOKENS.clear();
    THREADS.clear();
    return EngineFixture.start(
        dir,
        b -> b.clock(clock),
        e ->
            e.newWorker("approvals")
                .registerWorkflow(Purchase.class, PurchaseImpl::new)
                .registerActivities(new ApprovalsImpl()));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String item, long heartbeatMillis) {
    return f.client()
        .start(
            "Purchase",
            WorkflowOptions.newBuilder().taskQueue("approvals").build(),
            item,
            heartbeatMillis);
  }

  private static String nextToken() throws InterruptedException {
    String token = TOKENS.poll(30, TimeUnit.SECONDS);
    assertThat(token).as("an attempt handed out its task token").isNotNull();
    return token;
  }

  @Test
  void aClientCompletesTheAttemptWithItsTaskToken(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "laptop", 0);
      String token = nextToken();
      // the attempt's thread records its outcome before it ends: once it has ended, a completion
      // on return (the bug this guards against) would be in the store
      Thread attempt = THREADS.get(token);
      Awaitility.await().atMost(WAIT).until(() -> attempt.getState() == Thread.State.TERMINATED);
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(h.describe().pendingActivities()).hasSize(1);

      f.client().completeActivity(token, "approved by Ada");

      assertThat(h.getResult(String.class)).isEqualTo("laptop: approved by Ada");
      Histories.record("activity-completed-asynchronously", h);
    }
  }

  @Test
  void aSecondCompletionOfTheSameTokenIsRefusedAndWritesNothing(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "desk", 0);
      String token = nextToken();
      f.client().completeActivity(token, "yes");
      h.getResult(String.class);
      int events = h.fetchHistory().events().size();

      assertThatThrownBy(() -> f.client().completeActivity(token, "no"))
          .isInstanceOf(ActivityNotFoundException.class)
          .hasMessageContaining(token)
          .hasMessageContaining("has no pending activity");
      assertThat(h.fetchHistory().events()).hasSize(events);
    }
  }

  @Test
  void aNonRetryableFailureFailsTheActivity(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "yacht", 0);
      f.client()
          .failActivity(
              nextToken(), ApplicationFailure.newNonRetryableFailure("too expensive", "Rejected"));

      assertThatThrownBy(() -> h.getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              af ->
                  assertThat(af.getCause())
                      .isInstanceOfSatisfying(
                          ApplicationFailure.class,
                          app -> {
                            assertThat(app.getType()).isEqualTo("Rejected");
                            assertThat(app.getOriginalMessage()).isEqualTo("too expensive");
                          }));
    }
  }

  @Test
  void aRetryableFailureStartsAnotherAttemptAndFencesOffTheOldToken(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "chair", 0);
      String first = nextToken();
      f.client().failActivity(first, new IllegalStateException("approver unavailable"));
      String second = nextToken();
      assertThat(second).isNotEqualTo(first);

      assertThatThrownBy(() -> f.client().completeActivity(first, "late yes"))
          .isInstanceOf(ActivityNotFoundException.class)
          .hasMessageContaining("attempt 2 of the activity is running in its place");

      f.client().completeActivity(second, "yes");
      assertThat(h.getResult(String.class)).isEqualTo("chair: yes");
    }
  }

  @Test
  void heartbeatsKeepAnAttemptAliveAndSilenceTimesItOut(@TempDir Path dir) throws Exception {
    // the engine's time moves only when the test moves it: 200 ms between heartbeats, however
    // slow the machine
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    try (EngineFixture f = engine(dir, clock)) {
      WorkflowHandle<Object> h = start(f, "lamp", 400);
      String first = nextToken();
      for (int i = 0; i < 4; i++) {
        clock.advance(Duration.ofMillis(200));
        f.client().heartbeatActivity(first, "still deciding " + i);
      }
      // 800 ms after the start, well past the 400 ms heartbeat timeout: still the first attempt
      assertThat(TOKENS).isEmpty();

      // no more heartbeats: the attempt times out and is retried after its backoff
      clock.advance(Duration.ofMillis(500));
      PendingActivity timedOut =
          Awaitility.await()
              .atMost(WAIT)
              .until(
                  () -> h.describe().pendingActivities().get(0),
                  a -> !a.running() || !TOKENS.isEmpty());
      if (timedOut.nextAttemptAt() != null) {
        clock.advanceTo(timedOut.nextAttemptAt());
      }
      String second = nextToken();
      assertThatThrownBy(() -> f.client().heartbeatActivity(first, "too late"))
          .isInstanceOf(ActivityNotFoundException.class);
      f.client().completeActivity(second, "yes");
      assertThat(h.getResult(String.class)).isEqualTo("lamp: yes");
    }
  }

  @Test
  void aTokenThatIsNotATaskTokenIsRefusedByName(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThatThrownBy(() -> f.client().completeActivity("not-a-token", "x"))
          .isInstanceOf(ActivityNotFoundException.class)
          .hasMessageContaining("not-a-token")
          .hasMessageContaining("it is not a Weft activity task token");
    }
  }
}
