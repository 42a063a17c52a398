package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.RunParts.INFO;
import static dev.weft.internal.runtime.RunParts.NOW;
import static dev.weft.internal.runtime.RunParts.PAYLOADS;
import static dev.weft.internal.runtime.RunParts.liveTask;
import static dev.weft.internal.runtime.RunParts.rootScope;
import static dev.weft.internal.runtime.RunParts.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.Priority;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.UnknownActivityTypeException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.internal.codec.FailureConverter;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.ParentClosePolicy;
import dev.weft.workflow.Promise;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingCallsTest {
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(5)).build();

  private final CurrentTask task = liveTask();
  private final ScopeNode scope = rootScope();

  private PendingCalls calls(ActivityTypeCheck check) {
    return new PendingCalls(
        INFO,
        task,
        PAYLOADS,
        check,
        SearchAttributeIndexer.BY_JAVA_TYPE,
        new WorkflowRandom(INFO.runId()),
        () -> started("ada"));
  }

  @Test
  void anActivityIsScheduledOnTheRunsQueueAndItsResultCompletesThePromise() {
    PendingCalls calls = calls(ActivityTypeCheck.NONE);

    Promise<String> result =
        calls.scheduleActivity(scope, "charge", String.class, new Object[] {7}, OPTIONS);

    ActivityScheduled scheduled = (ActivityScheduled) task.produced().get(0);
    assertThat(scheduled.seq()).isEqualTo(1);
    assertThat(scheduled.activityType()).isEqualTo("charge");
    assertThat(scheduled.taskQueue()).isEqualTo(INFO.taskQueue());
    assertThat(scheduled.startToCloseTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(scheduled.priority()).isEqualTo(Priority.DEFAULT);
    assertThat(calls.awaits(1)).isTrue();
    assertThat(result.isDone()).isFalse();

    calls.resolve(1, new EventAttributes.ActivityCompleted(1, PAYLOADS.encode("paid", "r"), 1));

    assertThat(result.get()).isEqualTo("paid");
    assertThat(calls.awaits(1)).isFalse();
  }

  @Test
  void aFailedActivityFailsThePromiseWithAnActivityFailure() {
    PendingCalls calls = calls(ActivityTypeCheck.NONE);
    Promise<String> result =
        calls.scheduleActivity(scope, "charge", String.class, new Object[0], OPTIONS);

    calls.resolve(
        1,
        new EventAttributes.ActivityFailed(
            1, FailureConverter.toFailure(ApplicationFailure.newFailure("declined", "Card")), 3));

    assertThat(result.getFailure())
        .isInstanceOf(ActivityFailure.class)
        .hasMessageContaining("charge");
    assertThat(((ActivityFailure) result.getFailure()).getAttempt()).isEqualTo(3);
  }

  @Test
  void anActivityTypeTheCheckRefusesIsNotScheduled() {
    PendingCalls calls =
        calls(
            (queue, type) -> {
              throw new UnknownActivityTypeException(type, queue, Set.of("ship"));
            });

    assertThatThrownBy(
            () -> calls.scheduleActivity(scope, "charge", String.class, new Object[0], OPTIONS))
        .isInstanceOf(UnknownActivityTypeException.class);
    assertThat(task.produced()).isEmpty();
    assertThat(task.nextSeq()).isEqualTo(1);
  }

  @Test
  void cancellingTheScopeCancelsTheActivityAndFailsItsPromise() {
    PendingCalls calls = calls(ActivityTypeCheck.NONE);
    Promise<String> result =
        calls.scheduleActivity(scope, "charge", String.class, new Object[0], OPTIONS);

    scope.cancelInternal("order withdrawn");

    assertThat(task.produced()).endsWith(new EventAttributes.ActivityCancelRequested(1));
    assertThat(result.getFailure()).isInstanceOf(ActivityFailure.class);
    assertThat(result.getFailure().getCause())
        .isInstanceOf(CanceledFailure.class)
        .hasMessageContaining("order withdrawn");
    assertThat(calls.awaits(1)).isFalse();
  }

  @Test
  void aTimerFiresAtTaskTimePlusItsDurationAndCompletesWhenFired() {
    PendingCalls calls = calls(ActivityTypeCheck.NONE);

    TimerCall timer = calls.startTimer(scope, Duration.ofMinutes(3));

    assertThat(task.produced())
        .containsExactly(
            new TimerStarted(1, Duration.ofMinutes(3), NOW.plus(Duration.ofMinutes(3))));
    calls.resolve(1, new EventAttributes.TimerFired(1));
    assertThat(timer.promise().isDone()).isTrue();
    assertThat(timer.promise().getFailure()).isNull();
  }

  @Test
  void aCancelledTimerIsCancelledInHistory() {
    PendingCalls calls = calls(ActivityTypeCheck.NONE);
    TimerCall timer = calls.startTimer(scope, Duration.ofMinutes(3));

    timer.cancel("condition met");

    assertThat(task.produced()).endsWith(new EventAttributes.TimerCanceled(1));
    assertThat(timer.promise().getFailure()).isInstanceOf(CanceledFailure.class);
  }

  @Test
  void aNegativeTimerIsRefusedWithoutACommand() {
    PendingCalls calls = calls(ActivityTypeCheck.NONE);

    assertThatThrownBy(() -> calls.startTimer(scope, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(task.produced()).isEmpty();
  }

  @Test
  void aChildWithoutAnIdGetsOneFromTheRunsRandomnessAndStaysOpenUntilItCloses() {
    PendingCalls calls = calls(ActivityTypeCheck.NONE);
    ChildWorkflowOptions options =
        ChildWorkflowOptions.newBuilder().parentClosePolicy(ParentClosePolicy.ABANDON).build();

    Promise<String> result =
        calls.startChildWorkflow(scope, "Greeter", String.class, new Object[] {"bo"}, options);

    StartChildWorkflowInitiated start = (StartChildWorkflowInitiated) task.produced().get(0);
    String expectedId = new WorkflowRandom(INFO.runId()).uuid().toString();
    assertThat(start.workflowId()).isEqualTo(expectedId);
    assertThat(start.taskQueue()).isEqualTo(INFO.taskQueue());
    assertThat(calls.openChildren())
        .containsExactly(new OpenChild(expectedId, ParentClosePolicy.ABANDON));

    calls.resolve(
        1,
        new EventAttributes.ChildWorkflowClosed(
            1, expectedId, "child-run", "COMPLETED", PAYLOADS.encode("hi bo", "r"), null));

    assertThat(result.get()).isEqualTo("hi bo");
    assertThat(calls.openChildren()).isEmpty();
  }

  @Test
  void anEventNobodyWaitsForIsIgnored() {
    PendingCalls calls = calls(ActivityTypeCheck.NONE);

    calls.resolve(42, new EventAttributes.TimerFired(42));

    assertThat(calls.awaits(42)).isFalse();
    assertThat(calls.openChildren()).isEqualTo(List.of());
  }
}
