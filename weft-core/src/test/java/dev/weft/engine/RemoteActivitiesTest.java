package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ActivityLeaseLostException;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.store.StoreStats;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activity workers outside the engine: a workflow whose activity runs on a queue no in-process
 * worker serves is completed, failed, retried and timed out by polls and reports through {@link
 * RemoteActivities}, under the in-process leases and fencing.
 */
@Tag("engine")
class RemoteActivitiesTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String REMOTE_QUEUE = "greetings-remote";

  @ActivityInterface
  public interface Greetings {
    String format(String name);
  }

  @WorkflowInterface
  public interface Greet {
    @WorkflowMethod
    String greet(String name, long heartbeatTimeoutMillis);
  }

  public static class GreetImpl implements Greet {
    @Override
    public String greet(String name, long heartbeatTimeoutMillis) {
      ActivityOptions.Builder options =
          ActivityOptions.newBuilder()
              .taskQueue(REMOTE_QUEUE)
              .startToCloseTimeout(Duration.ofMinutes(5))
              .retryPolicy(
                  RetryPolicy.newBuilder()
                      .initialInterval(Duration.ofMillis(10))
                      .maximumAttempts(3)
                      .nonRetryableErrorTypes("BadName")
                      .build());
      if (heartbeatTimeoutMillis > 0) {
        options.heartbeatTimeout(Duration.ofMillis(heartbeatTimeoutMillis));
      }
      return "<" + Workflow.newActivityStub(Greetings.class, options.build()).format(name) + ">";
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir, e -> e.newWorker("greetings").registerWorkflow(Greet.class, GreetImpl::new));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String name, long heartbeatMillis) {
    return f.client()
        .start(
            "Greet",
            WorkflowOptions.newBuilder().taskQueue("greetings").build(),
            name,
            heartbeatMillis);
  }

  private static RemoteActivityTask poll(EngineFixture f) throws InterruptedException {
    Optional<RemoteActivityTask> task =
        f.engine().remoteActivities().poll(REMOTE_QUEUE, "test-worker", Set.of("Format"), WAIT);
    assertThat(task).as("a task came within %s", WAIT).isPresent();
    return task.get();
  }

  private static String text(Payload p) {
    return new String(p.data(), StandardCharsets.UTF_8);
  }

  @Test
  void aRemoteWorkerRunsTheActivityAndTheWorkflowGetsItsResult(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "Ada", 0);

      RemoteActivityTask task = poll(f);

      assertThat(task.activityType()).isEqualTo("Format");
      assertThat(task.taskQueue()).isEqualTo(REMOTE_QUEUE);
      assertThat(task.workflowId()).isEqualTo(h.workflowId());
      assertThat(task.attempt()).isEqualTo(1);
      assertThat(task.startToCloseTimeout()).isEqualTo(Duration.ofMinutes(5));
      assertThat(task.heartbeatDetails()).isNull();
      assertThat(text(task.input())).isEqualTo("[\"Ada\"]");
      f.engine().remoteActivities().complete(task.taskToken(), Payload.json("\"Hello, Ada\""));
      assertThat(h.getResult(String.class)).isEqualTo("<Hello, Ada>");
    }
  }

  @Test
  void aWaitingPollReturnsAsSoonAsATaskIsScheduled(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      RemoteActivities remote = f.engine().remoteActivities();
      CompletableFuture<Optional<RemoteActivityTask>> polled = new CompletableFuture<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  polled.complete(remote.poll(REMOTE_QUEUE, "w", Set.of(), Duration.ofMinutes(10)));
                } catch (Throwable e) {
                  polled.completeExceptionally(e);
                }
              });
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  f.engine().describeTaskQueue(REMOTE_QUEUE).pollers().stream()
                      .anyMatch(p -> p.identity().equals("w") && p.remote()));

      WorkflowHandle<Object> h = start(f, "Grace", 0);

      // the poll waits up to ten minutes: it returning at all shows the commit woke it
      Optional<RemoteActivityTask> task =
          polled.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      assertThat(task).get().extracting(RemoteActivityTask::workflowId).isEqualTo(h.workflowId());
    }
  }

  @Test
  void aPollOfOtherTypesTakesNothingAndAnEmptyPollReturnsAfterItsWait(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(dir)) {
      start(f, "Ada", 0);
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  f.store().taskQueueBacklog(REMOTE_QUEUE, java.time.Instant.now()).activityTasks()
                      == 1);

      assertThat(
              f.engine()
                  .remoteActivities()
                  .poll(REMOTE_QUEUE, "w", Set.of("somethingElse"), Duration.ofMillis(50)))
          .isEmpty();
      assertThat(poll(f).activityType()).isEqualTo("Format");
    }
  }

  @Test
  void aRetryableFailureRetriesAndTheOldTokenIsFencedOff(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "Alan", 0);
      RemoteActivities remote = f.engine().remoteActivities();
      RemoteActivityTask first = poll(f);
      remote.heartbeat(first.taskToken(), Payload.json("{\"done\":1}"));
      remote.fail(
          first.taskToken(), new RemoteActivityFailure("Timeout", "upstream slow", "", false));

      RemoteActivityTask second = poll(f);
      assertThat(second.attempt()).isEqualTo(2);
      assertThat(text(second.heartbeatDetails())).isEqualTo("{\"done\":1}");
      StoreStats before = f.stats();
      assertThatThrownBy(() -> remote.complete(first.taskToken(), Payload.json("\"late\"")))
          .isInstanceOf(ActivityLeaseLostException.class)
          .hasMessageContaining("attempt 2 of the activity is running in its place");
      assertThatThrownBy(() -> remote.heartbeat(first.taskToken(), null))
          .isInstanceOf(ActivityLeaseLostException.class);
      assertThat(f.stats()).isEqualTo(before);

      remote.complete(second.taskToken(), Payload.json("\"Hi, Alan\""));
      assertThat(h.getResult(String.class)).isEqualTo("<Hi, Alan>");
    }
  }

  @Test
  void aNonRetryableFailureFailsTheActivityWithItsTypeAndMessage(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "", 0);
      f.engine()
          .remoteActivities()
          .fail(
              poll(f).taskToken(),
              new RemoteActivityFailure(
                  "BadName", "the name is empty", "{\"field\":\"name\"}", false));

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
                            assertThat(app.getType()).isEqualTo("BadName");
                            assertThat(app.getOriginalMessage()).isEqualTo("the name is empty");
                          }));
    }
  }

  @Test
  void aSilentWorkerTimesOutByItsHeartbeatTimeoutAndTheNextAttemptResumes(@TempDir Path dir)
      throws Exception {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "Edsger", 1_000);
      RemoteActivities remote = f.engine().remoteActivities();
      RemoteActivityTask first = poll(f);
      assertThat(first.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(1));
      assertThat(remote.heartbeat(first.taskToken(), Payload.json("7"))).isFalse();

      // the worker goes silent: its lease runs out and the next attempt is offered
      RemoteActivityTask second = poll(f);

      assertThat(second.attempt()).isEqualTo(2);
      assertThat(text(second.heartbeatDetails())).isEqualTo("7");
      assertThatThrownBy(() -> remote.complete(first.taskToken(), Payload.json("\"late\"")))
          .isInstanceOf(ActivityLeaseLostException.class);
      remote.complete(second.taskToken(), Payload.json("\"Hello again\""));
      assertThat(h.getResult(String.class)).isEqualTo("<Hello again>");
    }
  }

  @Test
  void describeShowsTheBacklogThePauseAndThePollers(@TempDir Path dir) throws Exception {
    try (EngineFixture f = engine(dir)) {
      start(f, "Ada", 0);
      assertThat(
              f.engine().remoteActivities().poll(REMOTE_QUEUE, "py-1", Set.of("x"), Duration.ZERO))
          .isEmpty();
      f.client().pauseTaskQueue(REMOTE_QUEUE, "deploy");
      // the activity task exists once the run's first workflow task has committed
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> f.engine().describeTaskQueue(REMOTE_QUEUE).activityTaskBacklog() == 1);

      TaskQueueDescription d = f.engine().describeTaskQueue(REMOTE_QUEUE);

      assertThat(d.activityTaskBacklog()).isEqualTo(1);
      assertThat(d.workflowTaskBacklog()).isZero();
      assertThat(d.paused()).isTrue();
      assertThat(d.pauseReason()).isEqualTo("deploy");
      assertThat(d.pollers())
          .extracting(TaskQueuePoller::identity, TaskQueuePoller::kind, TaskQueuePoller::remote)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("py-1", "ACTIVITY", true));
      assertThat(f.engine().describeTaskQueue("greetings").pollers())
          .extracting(TaskQueuePoller::kind)
          .contains("WORKFLOW");
    }
  }
}
