package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityCancellationType;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloCancellationScope}: six activities race in one cancellation scope;
 * the first result wins, the scope is cancelled, and with {@code WAIT_CANCELLATION_COMPLETED} the
 * workflow waits until each cancelled activity has finished its cleanup. Same result: the fastest
 * greeting, returned only after every loser cleaned up. Durations are scaled down from seconds.
 */
class HelloCancellationScopeTest {
  static final String[] GREETINGS = {"Hello", "Bye", "Hola", "Привет", "Oi", "Hallo"};

  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    String getGreeting(String name);
  }

  @ActivityInterface
  public interface GreetingActivities {
    String composeGreeting(String greeting, String name);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder()
                .heartbeatTimeout(Duration.ofSeconds(2))
                .startToCloseTimeout(Duration.ofSeconds(30))
                .cancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
                .build());

    @Override
    public String getGreeting(String name) {
      List<Promise<String>> results = new ArrayList<>(GREETINGS.length);
      CancellationScope scope =
          Workflow.newCancellationScope(
              () -> {
                for (String greeting : GREETINGS) {
                  results.add(Workflow.async(() -> activities.composeGreeting(greeting, name)));
                }
              });
      scope.run();
      String result = Promise.anyOf(results).get();
      scope.cancel();
      for (Promise<String> activityResult : results) {
        try {
          activityResult.get();
        } catch (ActivityFailure e) {
          if (!(e.getCause() instanceof CanceledFailure)) {
            throw e;
          }
        }
      }
      return result;
    }
  }

  /** "Hello" takes 2 steps of 100 ms, each later greeting 10 more; cancelled ones clean up. */
  static class GreetingActivitiesImpl implements GreetingActivities {
    final List<String> cleanedUp = new CopyOnWriteArrayList<>();

    @Override
    public String composeGreeting(String greeting, String name) {
      int steps = 2 + 10 * List.of(GREETINGS).indexOf(greeting);
      for (int i = 0; i < steps; i++) {
        sleep(100);
        try {
          Activity.heartbeat(i);
        } catch (ActivityCanceledException e) {
          sleep(200); // the cleanup the workflow waits for
          cleanedUp.add(greeting);
          throw e;
        }
      }
      return greeting + " " + name + "!";
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void theFirstResultWinsAndTheWorkflowWaitsForEveryCleanup() {
    GreetingActivitiesImpl activities = new GreetingActivitiesImpl();
    try (SampleEnvironment sample =
        new SampleEnvironment("HelloCancellationScopeTaskQueue", false)) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerActivities(activities);
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloCancellationScopeWorkflow");

      assertThat(workflow.getGreeting("World")).isEqualTo("Hello World!");
      assertThat(activities.cleanedUp)
          .containsExactlyInAnyOrder("Bye", "Hola", "Привет", "Oi", "Hallo");
    }
  }
}
