package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityCancellationType;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.history.EventAttributes;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation types of activities and child workflows ({@link ActivityCancellationType}, {@link
 * ChildWorkflowCancellationType}): what cancelling the scope of a running call does.
 */
@Tag("engine")
public class CancellationTypesTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @ActivityInterface
  public interface Chore {
    /** Heartbeats {@code beats} times, 20 ms apart, then returns; logs what it saw. */
    String work(int beats);
  }

  /**
   * Told to cancel, cleans up for 300 ms (real time, the activity's own pace) and lets the cancel
   * propagate; one of a workflow whose ID says "stubborn" returns a result instead, "failing"
   * throws another exception, and "hung" stops heartbeating for longer than its heartbeat timeout.
   */
  public static class ChoreImpl implements Chore {
    @Override
    public String work(int beats) {
      LOG.add("activity started");
      try {
        for (int i = 0; i < beats; i++) {
          Activity.heartbeat(i);
          // the activity's own pace of work, in real time on purpose
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
      } catch (ActivityCanceledException e) {
        LOG.add("activity saw cancel");
        String workflowId = Activity.getInfo().workflowId();
        if (workflowId.contains("hung")) {
          // stops heartbeating: its heartbeat timeout (500 ms) ends it
          LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
          LOG.add("activity woke up");
          throw e;
        }
        LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
        if (workflowId.contains("stubborn")) {
          LOG.add("activity finished anyway");
          return "done anyway";
        }
        if (workflowId.contains("failing")) {
          LOG.add("activity failed in cleanup");
          throw new IllegalStateException("cleanup failed");
        }
        LOG.add("activity cleaned up");
        throw e;
      }
      LOG.add("activity finished");
      return "done";
    }
  }

  @WorkflowInterface
  public interface Kid {
    /** Waits until cancelled, then cleans up for 10 s of workflow time before it stops. */
    @WorkflowMethod
    String play();
  }

  public static class KidImpl implements Kid {
    @Override
    public String play() {
      try {
        Workflow.await(() -> false);
        return "never";
      } catch (CanceledFailure e) {
        Workflow.newDetachedCancellationScope(() -> Workflow.sleep(Duration.ofMillis(300))).run();
        throw e;
      }
    }
  }

  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    String run(String what, String type);

    @SignalMethod
    void go();
  }

  public static class CallerImpl implements Caller {
    private boolean go;

    @Override
    public void go() {
      go = true;
    }

    @Override
    public String run(String what, String type) {
      Promise<String>[] call = new Promise[1];
      CancellationScope scope;
      if (what.equals("activity")) {
        Chore chore =
            Workflow.newActivityStub(
                Chore.class,
                ActivityOptions.newBuilder()
                    .startToCloseTimeout(Duration.ofSeconds(30))
                    .heartbeatTimeout(Duration.ofMillis(500))
                    .cancellationType(ActivityCancellationType.valueOf(type))
                    .build());
        // an abandoned activity finishes soon (its end is awaited); one told to cancel would not
        int beats = type.equals("ABANDON") ? 25 : 500;
        scope =
            Workflow.newCancellationScope(() -> call[0] = Workflow.async(() -> chore.work(beats)));
      } else {
        Kid kid =
            Workflow.newChildWorkflowStub(
                Kid.class,
                ChildWorkflowOptions.newBuilder()
                    .workflowId("kid-" + Workflow.getInfo().workflowId())
                    .parentClosePolicy(ParentClosePolicy.ABANDON)
                    .cancellationType(ChildWorkflowCancellationType.valueOf(type))
                    .build());
        scope = Workflow.newCancellationScope(() -> call[0] = Workflow.async(kid::play));
      }
      scope.run();
      Workflow.sleep(Duration.ofMillis(100));
      java.time.Instant cancelledAt = Workflow.now();
      scope.cancel("changed plans");
      String outcome;
      try {
        outcome = "completed: " + call[0].get();
      } catch (ActivityFailure | ChildWorkflowFailure e) {
        outcome =
            e.getClass().getSimpleName() + " caused by " + e.getCause().getClass().getSimpleName();
      }
      boolean waited = !Workflow.now().isBefore(cancelledAt.plusMillis(300));
      Workflow.await(() -> go);
      return outcome + (waited ? ", after the call stopped" : ", at once");
    }
  }

  private static EngineFixture engine(Path dir) {
    LOG.clear();
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("types")
                .registerWorkflow(Caller.class, CallerImpl::new)
                .registerWorkflow(Kid.class, KidImpl::new)
                .registerActivities(new ChoreImpl()));
  }

  private static WorkflowHandle<Object> start(
      EngineFixture f, String id, String what, String type) {
    return f.client()
        .start(
            "Caller",
            WorkflowOptions.newBuilder().workflowId(id).taskQueue("types").build(),
            what,
            type);
  }

  private static boolean has(WorkflowHandle<?> h, Class<? extends EventAttributes> type) {
    return h.fetchHistory().events().stream().anyMatch(e -> type.isInstance(e.attributes()));
  }

  private static <T extends EventAttributes> List<T> events(WorkflowHandle<?> h, Class<T> type) {
    return h.fetchHistory().events().stream()
        .map(e -> e.attributes())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static WorkflowStatus statusOf(EngineFixture f, String workflowId) {
    return f.client().getHandle(workflowId).describe().status();
  }

  @Test
  void activityTryCancelRequestsTheCancelAndFailsThePromiseAtOnce(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "act-try", "activity", "TRY_CANCEL");
      Awaitility.await().atMost(WAIT).until(() -> LOG.contains("activity saw cancel"));
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ActivityFailure caused by CanceledFailure, at once");
      assertThat(LOG).doesNotContain("activity finished");
      assertThat(has(h, EventAttributes.ActivityCancelRequested.class)).isTrue();
      Histories.record("cancellation-type-activity-try-cancel", h);
    }
  }

  @Test
  void activityAbandonLeavesTheActivityRunningAndIgnoresItsResult(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "act-abandon", "activity", "ABANDON");
      Awaitility.await().atMost(WAIT).until(() -> LOG.contains("activity finished"));
      Awaitility.await().atMost(WAIT).until(() -> has(h, EventAttributes.ActivityCompleted.class));
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ActivityFailure caused by CanceledFailure, at once");
      assertThat(LOG).doesNotContain("activity saw cancel");
      assertThat(has(h, EventAttributes.ActivityCancelRequested.class)).isFalse();
      Histories.record("cancellation-type-activity-abandon", h);
    }
  }

  @Test
  void activityWaitCancellationCompletedFailsThePromiseOnlyAfterTheAttemptCleanedUp(
      @TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "act-wait", "activity", "WAIT_CANCELLATION_COMPLETED");
      Awaitility.await().atMost(WAIT).until(() -> has(h, EventAttributes.ActivityCanceled.class));
      // the attempt's cleanup ran before its end was recorded, so before the workflow saw it
      assertThat(LOG)
          .containsSubsequence("activity started", "activity saw cancel", "activity cleaned up");
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ActivityFailure caused by CanceledFailure, after the call stopped");
      assertThat(LOG).doesNotContain("activity finished");
      assertThat(events(h, EventAttributes.ActivityCancelRequested.class))
          .singleElement()
          .satisfies(c -> assertThat(c.waitForCompletion()).isTrue());
      assertThat(events(h, EventAttributes.ActivityCanceled.class))
          .singleElement()
          .satisfies(c -> assertThat(c.attempt()).isEqualTo(1));
      assertThat(has(h, EventAttributes.ActivityFailed.class)).isFalse();
      Histories.record("cancellation-type-activity-wait-completed", h);
    }
  }

  @Test
  void activityWaitCancellationCompletedDeliversTheResultOfAnActivityThatFinishesAnyway(
      @TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h =
          start(f, "act-stubborn", "activity", "WAIT_CANCELLATION_COMPLETED");
      Awaitility.await().atMost(WAIT).until(() -> has(h, EventAttributes.ActivityCompleted.class));
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("completed: done anyway, after the call stopped");
      assertThat(LOG).containsSubsequence("activity saw cancel", "activity finished anyway");
      assertThat(has(h, EventAttributes.ActivityCancelRequested.class)).isTrue();
      assertThat(has(h, EventAttributes.ActivityCanceled.class)).isFalse();
      Histories.record("cancellation-type-activity-wait-completed-anyway", h);
    }
  }

  @Test
  void activityWaitCancellationCompletedDeliversAFailureAfterTheRequestWithoutRetrying(
      @TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "act-failing", "activity", "WAIT_CANCELLATION_COMPLETED");
      Awaitility.await().atMost(WAIT).until(() -> has(h, EventAttributes.ActivityFailed.class));
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ActivityFailure caused by ApplicationFailure, after the call stopped");
      assertThat(LOG).containsOnlyOnce("activity started");
      assertThat(events(h, EventAttributes.ActivityFailed.class))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.attempt()).isEqualTo(1);
                assertThat(e.failure().message()).contains("cleanup failed");
              });
      Histories.record("cancellation-type-activity-wait-failed", h);
    }
  }

  @Test
  void activityWaitCancellationCompletedIsEndedByTheHeartbeatTimeout(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "act-hung", "activity", "WAIT_CANCELLATION_COMPLETED");
      Awaitility.await().atMost(WAIT).until(() -> has(h, EventAttributes.ActivityTimedOut.class));
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ActivityFailure caused by TimeoutFailure, after the call stopped");
      assertThat(events(h, EventAttributes.ActivityTimedOut.class))
          .singleElement()
          .satisfies(t -> assertThat(t.timeoutType()).isEqualTo("HEARTBEAT"));
      Awaitility.await().atMost(WAIT).until(() -> LOG.contains("activity woke up"));
      // the attempt was not retried, and its late end was refused
      assertThat(LOG).containsOnlyOnce("activity started");
      assertThat(has(h, EventAttributes.ActivityCanceled.class)).isFalse();
      Histories.record("cancellation-type-activity-wait-heartbeat-timeout", h);
    }
  }

  @Test
  void activityWaitCancellationCompletedCancelsAnActivityNotStartedAtOnce(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      // held in its queue: no attempt starts
      f.client().pauseActivityType("types", "Work", "hold it");
      WorkflowHandle<Object> h = start(f, "act-queued", "activity", "WAIT_CANCELLATION_COMPLETED");
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ActivityFailure caused by CanceledFailure, at once");
      assertThat(LOG).doesNotContain("activity started");
      assertThat(events(h, EventAttributes.ActivityCanceled.class))
          .singleElement()
          .satisfies(c -> assertThat(c.attempt()).isZero());
      f.client().resumeActivityType("types", "Work");
      assertThat(f.store().findActivityTasks(h.describe().runId())).isEmpty();
      Histories.record("cancellation-type-activity-wait-not-started", h);
    }
  }

  @Test
  void childTryCancelRequestsTheCancelAndFailsThePromiseAtOnce(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "child-try", "child", "TRY_CANCEL");
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ChildWorkflowFailure caused by CanceledFailure, at once");
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> statusOf(f, "kid-child-try") == WorkflowStatus.CANCELED);
      Histories.record("cancellation-type-child-try-cancel", h);
    }
  }

  @Test
  void childWaitCancellationRequestedFailsThePromiseOnceTheRequestIsDelivered(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "child-req", "child", "WAIT_CANCELLATION_REQUESTED");
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ChildWorkflowFailure caused by CanceledFailure, at once");
      assertThat(has(h, EventAttributes.ChildWorkflowCancelRequested.class)).isTrue();
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> statusOf(f, "kid-child-req") == WorkflowStatus.CANCELED);
      Histories.record("cancellation-type-child-wait-requested", h);
    }
  }

  @Test
  void childWaitCancellationCompletedWaitsForTheChildToClose(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "child-wait", "child", "WAIT_CANCELLATION_COMPLETED");
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ChildWorkflowFailure caused by CanceledFailure, after the call stopped");
      assertThat(statusOf(f, "kid-child-wait")).isEqualTo(WorkflowStatus.CANCELED);
      assertThat(has(h, EventAttributes.ChildWorkflowClosed.class)).isTrue();
      Histories.record("cancellation-type-child-wait-completed", h);
    }
  }

  @Test
  void childAbandonLeavesTheChildRunningUntold(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "child-abandon", "child", "ABANDON");
      h.signal("go");
      assertThat(h.getResult(String.class))
          .isEqualTo("ChildWorkflowFailure caused by CanceledFailure, at once");
      assertThat(has(h, EventAttributes.ChildWorkflowCancelRequested.class)).isFalse();
      WorkflowHandle<Object> kid = f.client().getHandle("kid-child-abandon");
      assertThat(kid.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(has(kid, EventAttributes.WorkflowCancelRequested.class)).isFalse();
      Histories.record("cancellation-type-child-abandon", h);
      kid.terminate("test over");
    }
  }
}
