package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCancellationType;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloCancellationScopeWithTimer}: a timer races a heartbeating activity
 * and, when it fires first, cancels the activity's scope through {@code thenApply}. Same result:
 * "Activity canceled due to timer firing." Durations are scaled down from seconds.
 */
class HelloCancellationScopeWithTimerTest {
  @WorkflowInterface
  public interface CancellationWithTimerWorkflow {
    @WorkflowMethod
    String execute(String input);
  }

  @ActivityInterface
  public interface UpdateInfoActivities {
    String updateInfo(String input);
  }

  public static class CancellationWithTimerWorkflowImpl implements CancellationWithTimerWorkflow {
    private final UpdateInfoActivities activities =
        Workflow.newActivityStub(
            UpdateInfoActivities.class,
            ActivityOptions.newBuilder()
                .heartbeatTimeout(Duration.ofSeconds(2))
                .startToCloseTimeout(Duration.ofSeconds(10))
                .cancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
                .build());
    private String result;

    @Override
    public String execute(String input) {
      CancellationScope scope =
          Workflow.newCancellationScope(() -> result = activities.updateInfo(input));
      Workflow.newTimer(Duration.ofMillis(600))
          .thenApply(
              fired -> {
                scope.cancel();
                return null;
              });
      try {
        scope.run();
      } catch (ActivityFailure e) {
        result =
            e.getCause() instanceof CanceledFailure
                ? "Activity canceled due to timer firing."
                : "Activity failed due to: " + e.getMessage();
      }
      return result;
    }
  }

  /** Ten steps of 300 ms, heartbeating after each. */
  static class UpdateInfoActivitiesImpl implements UpdateInfoActivities {
    @Override
    public String updateInfo(String input) {
      for (int i = 0; i < 10; i++) {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        Activity.heartbeat(i);
      }
      return "dummy activity result";
    }
  }

  @Test
  void theTimerCancelsTheActivity() {
    try (SampleEnvironment sample =
        new SampleEnvironment("HelloCancellationScopeTimerTaskQueue", false)) {
      sample.worker.registerWorkflow(
          CancellationWithTimerWorkflow.class, CancellationWithTimerWorkflowImpl::new);
      sample.worker.registerActivities(new UpdateInfoActivitiesImpl());
      sample.start();

      CancellationWithTimerWorkflow workflow =
          sample.newWorkflow(
              CancellationWithTimerWorkflow.class, "HelloCancellationScopeTimerWorkflow");

      assertThat(workflow.execute("Some test input"))
          .isEqualTo("Activity canceled due to timer firing.");
    }
  }
}
