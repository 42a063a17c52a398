package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCancellationType;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloDetachedCancellationScope}: a cancelled workflow catches its
 * activity's failure and runs cleanup in a detached cancellation scope, which the cancel does not
 * reach. Same result: the run ends cancelled and a query reads the cleanup's "Goodbye John!".
 */
class HelloDetachedCancellationScopeTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);

    @QueryMethod
    String queryGreeting();
  }

  @ActivityInterface
  public interface GreetingActivities {
    String sayHello(String name);

    String sayGoodBye(String name);
  }

  /** {@code sayHello} runs until cancelled, heartbeating every 200 ms. */
  static class GreetingActivitiesImpl implements GreetingActivities {
    final CountDownLatch running = new CountDownLatch(1);

    @Override
    public String sayHello(String name) {
      for (int i = 0; ; i++) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          throw Activity.wrap(e);
        }
        Activity.heartbeat(i);
        running.countDown();
      }
    }

    @Override
    public String sayGoodBye(String name) {
      return "Goodbye " + name + "!";
    }
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private String greeting;
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder()
                .startToCloseTimeout(Duration.ofSeconds(10))
                .cancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
                .heartbeatTimeout(Duration.ofSeconds(2))
                .build());

    @Override
    public String getGreeting(String name) {
      try {
        greeting = activities.sayHello(name);
        return greeting;
      } catch (ActivityFailure af) {
        CancellationScope detached =
            Workflow.newDetachedCancellationScope(() -> greeting = activities.sayGoodBye(name));
        detached.run();
        throw af;
      }
    }

    @Override
    public String queryGreeting() {
      return greeting;
    }
  }

  @Test
  void cleanupRunsInADetachedScopeAfterTheCancel() throws InterruptedException {
    GreetingActivitiesImpl activities = new GreetingActivitiesImpl();
    try (SampleEnvironment sample =
        new SampleEnvironment("HelloDetachedCancellationTaskQueue", false)) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerActivities(activities);
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloDetachedCancellationWorkflow");
      WorkflowHandle<String> handle = sample.client().start(workflow::getGreeting, "John");
      assertThat(activities.running.await(30, TimeUnit.SECONDS)).isTrue();
      handle.cancel("no longer needed");

      assertThat(catchThrowable(handle::getResult)).isInstanceOf(WorkflowFailedException.class);
      assertThat(handle.describe().status()).isEqualTo(WorkflowStatus.CANCELED);
      assertThat(workflow.queryGreeting()).isEqualTo("Goodbye John!");
    }
  }
}
