package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityCancellationType;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.ChildWorkflowStub;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloActivityCancel}: a workflow runs an untyped child and a heartbeating
 * activity (named {@code greet}, cancellation type {@code WAIT_CANCELLATION_COMPLETED}) and waits
 * for both, swallowing their failures; the client cancels the workflow. Same behaviour: the
 * activity sees the cancel at a heartbeat and stops before the workflow ends, both promises fail
 * with the cancel, and the workflow returns normally (null). Durations are scaled down from
 * seconds.
 */
class HelloActivityCancelTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @WorkflowInterface
  public interface ChildGreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  public static class ChildGreetingWorkflowImpl implements ChildGreetingWorkflow {
    @Override
    public String getGreeting(String name) {
      Workflow.sleep(Duration.ofSeconds(30));
      return null;
    }
  }

  @ActivityInterface
  public interface GreetingActivities {
    @ActivityMethod(name = "greet")
    String composeGreeting(String greeting, String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder()
                .cancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
                .startToCloseTimeout(Duration.ofSeconds(20))
                .heartbeatTimeout(Duration.ofSeconds(3))
                .retryPolicy(
                    RetryPolicy.newBuilder().initialInterval(Duration.ofSeconds(10)).build())
                .build());

    @Override
    public String getGreeting(String name) {
      List<Promise<String>> promises = new ArrayList<>();
      ChildWorkflowStub child =
          Workflow.newUntypedChildWorkflowStub(
              "ChildGreetingWorkflow",
              ChildWorkflowOptions.newBuilder()
                  .workflowId("Child_of_" + Workflow.getInfo().workflowId())
                  .build());
      promises.add(child.executeAsync(String.class, "Hello", name));
      promises.add(Workflow.async(() -> activities.composeGreeting("Hello", name)));
      for (int i = promises.size() - 1; i >= 0; i--) {
        try {
          promises.get(i).get();
        } catch (RuntimeException e) {
          // the sample prints and swallows each failure
        }
      }
      return null;
    }
  }

  /** Fifteen steps of 300 ms, heartbeating after each; records how it ended. */
  static class GreetingActivitiesImpl implements GreetingActivities {
    final CountDownLatch running = new CountDownLatch(1);
    volatile String ended = "still running";

    @Override
    public String composeGreeting(String greeting, String name) {
      try {
        for (int i = 0; i < 15; i++) {
          Activity.heartbeat(String.valueOf(i));
          running.countDown();
          Thread.sleep(300);
        }
      } catch (ActivityCanceledException e) {
        ended = "canceled at a heartbeat";
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Activity.wrap(e);
      }
      ended = "completed";
      return greeting + " " + name + "!";
    }
  }

  @Test
  void theCancelReachesTheActivityAndTheWorkflowEndsNormally() throws InterruptedException {
    GreetingActivitiesImpl activities = new GreetingActivitiesImpl();
    try (SampleEnvironment sample = new SampleEnvironment("HelloActivityTaskQueue", false)) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerWorkflow(ChildGreetingWorkflow.class, ChildGreetingWorkflowImpl::new);
      sample.worker.registerActivities(activities);
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloActivityWorkflow");
      WorkflowHandle<String> handle = sample.client().start(workflow::getGreeting, "World");
      assertThat(activities.running.await(30, TimeUnit.SECONDS)).isTrue();
      handle.cancel("cancelled by the client");

      assertThat(handle.getResult(Duration.ofSeconds(30))).isNull();
      assertThat(activities.ended).isEqualTo("canceled at a heartbeat");
      assertThat(handle.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(sample.client().getHandle("Child_of_HelloActivityWorkflow").describe().status())
          .isIn(WorkflowStatus.CANCELED, WorkflowStatus.TERMINATED);
    }
  }
}
