package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCancellationType;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.ChildWorkflowCancellationType;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.TimerOptions;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloWorkflowTimer}: instead of a run timeout, a workflow timer (with a
 * summary) cancels the scope of the business logic, so the workflow can react: an activity and a
 * child workflow, both waiting for their cancellation to complete, are cut short wherever the timer
 * finds them. Same results, for a timer that fires during the activity and one that fires during
 * the child. Durations are scaled down from seconds.
 */
class HelloWorkflowTimerTest {
  @WorkflowInterface
  public interface WorkflowWithTimer {
    @WorkflowMethod
    String execute(String input, long timerMillis);
  }

  @WorkflowInterface
  public interface WorkflowWithTimerChildWorkflow {
    @WorkflowMethod
    String executeChild(String input);
  }

  @ActivityInterface
  public interface WorkflowWithTimerActivities {
    String sayHello(String input);
  }

  public static class WorkflowWithTimerImpl implements WorkflowWithTimer {
    private CancellationScope workflowScope;
    private String workflowResult = "";

    @Override
    public String execute(String input, long timerMillis) {
      Promise<Void>[] timer = new Promise[1];
      CancellationScope timerScope =
          Workflow.newCancellationScope(
              () ->
                  timer[0] =
                      Workflow.newTimer(
                              Duration.ofMillis(timerMillis),
                              TimerOptions.newBuilder().summary("Workflow Timer").build())
                          .thenApply(
                              fired -> {
                                if (workflowScope != null) {
                                  workflowScope.cancel("Workflow timer fired");
                                }
                                return null;
                              }));
      timerScope.run();

      workflowScope =
          Workflow.newCancellationScope(
              () -> {
                WorkflowWithTimerActivities activities =
                    Workflow.newActivityStub(
                        WorkflowWithTimerActivities.class,
                        ActivityOptions.newBuilder()
                            .startToCloseTimeout(Duration.ofSeconds(12))
                            .heartbeatTimeout(Duration.ofSeconds(2))
                            .cancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
                            .build());
                WorkflowWithTimerChildWorkflow child =
                    Workflow.newChildWorkflowStub(
                        WorkflowWithTimerChildWorkflow.class,
                        ChildWorkflowOptions.newBuilder()
                            .workflowId(Workflow.getInfo().workflowId() + "-Child")
                            .cancellationType(
                                ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
                            .build());
                try {
                  workflowResult = activities.sayHello(input);
                  workflowResult = child.executeChild(input);
                } catch (ActivityFailure af) {
                  if (af.getCause() instanceof CanceledFailure) {
                    workflowResult = "Workflow timer fired while activities were executing.";
                  }
                } catch (ChildWorkflowFailure cwf) {
                  if (cwf.getCause() instanceof CanceledFailure) {
                    workflowResult = "Workflow timer fired while child workflow was executing.";
                  }
                }
              });
      try {
        workflowScope.run();
      } catch (CanceledFailure e) {
        workflowResult = "Workflow cancelled.";
      }
      if (!timer[0].isDone()) {
        timerScope.cancel("Workflow completed before workflow timer.");
      }
      return workflowResult;
    }
  }

  /** Ten steps of 400 ms, heartbeating before each (a cancel is seen within a second). */
  static class WorkflowWithTimerActivitiesImpl implements WorkflowWithTimerActivities {
    @Override
    public String sayHello(String input) {
      for (int i = 0; i < 10; i++) {
        Activity.heartbeat("heartbeating: " + i);
        try {
          Thread.sleep(400);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return "Hello " + input;
    }
  }

  public static class WorkflowWithTimerChildWorkflowImpl implements WorkflowWithTimerChildWorkflow {
    @Override
    public String executeChild(String input) {
      Workflow.sleep(Duration.ofSeconds(5));
      return "From executeChild - " + input;
    }
  }

  private static String run(String workflowId, long timerMillis) {
    try (SampleEnvironment sample =
        new SampleEnvironment("HelloWorkflowWithTimerTaskQueue", false)) {
      sample.worker.registerWorkflow(WorkflowWithTimer.class, WorkflowWithTimerImpl::new);
      sample.worker.registerWorkflow(
          WorkflowWithTimerChildWorkflow.class, WorkflowWithTimerChildWorkflowImpl::new);
      sample.worker.registerActivities(new WorkflowWithTimerActivitiesImpl());
      sample.start();
      return sample
          .newWorkflow(WorkflowWithTimer.class, workflowId)
          .execute("Some Name Here", timerMillis);
    }
  }

  @Test
  void theTimerCutsTheActivityShort() {
    assertThat(run("HelloWorkflowWithTimer-1", 500))
        .isEqualTo("Workflow timer fired while activities were executing.");
  }

  @Test
  void theTimerCutsTheChildShort() {
    assertThat(run("HelloWorkflowWithTimer-2", 6_500))
        .isEqualTo("Workflow timer fired while child workflow was executing.");
  }
}
