package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloPeriodic}: a workflow greets about every 5 s (a random variation
 * from {@code Workflow.random()}), continues as new every 10 iterations through a typed
 * continue-as-new stub to keep its history short, and stops on a signal. Same behaviour: 80 s of
 * skipped time run one greeting per period across runs, the first run ends CONTINUED_AS_NEW, and
 * the exit signal, sent through the stub that started the first run, reaches the current run.
 */
class HelloPeriodicTest {
  @WorkflowInterface
  public interface GreetingWorkflow {
    @WorkflowMethod
    void greetPeriodically(String name);

    @SignalMethod
    void requestExit();
  }

  @ActivityInterface
  public interface GreetingActivities {
    void greet(String greeting);
  }

  public static class GreetingWorkflowImpl implements GreetingWorkflow {
    private static final int SCHEDULE_PERIOD_TARGET_SECS = 5;
    private static final int SCHEDULE_PERIOD_VARIATION_SECS = 2;
    private static final int SINGLE_WORKFLOW_ITERATIONS = 10;

    private final Random random = Workflow.random();
    private final GreetingActivities activities =
        Workflow.newActivityStub(
            GreetingActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
    private boolean exitRequested;

    @Override
    public void requestExit() {
      exitRequested = true;
    }

    @Override
    public void greetPeriodically(String name) {
      for (int i = 0; i < SINGLE_WORKFLOW_ITERATIONS; i++) {
        int delayMillis =
            SCHEDULE_PERIOD_TARGET_SECS * 1000
                + random.nextInt(SCHEDULE_PERIOD_VARIATION_SECS * 1000)
                - SCHEDULE_PERIOD_VARIATION_SECS * 500;
        activities.greet("Hello " + name + "! I will sleep for " + delayMillis + " milliseconds");
        Workflow.await(Duration.ofMillis(delayMillis), () -> exitRequested);
        if (exitRequested) {
          activities.greet(
              "Hello " + name + "! It was requested to quit, so this is the last one.");
          return;
        }
      }
      Workflow.newContinueAsNewStub(GreetingWorkflow.class).greetPeriodically(name);
    }
  }

  static class GreetingActivitiesImpl implements GreetingActivities {
    final List<String> greetings = new CopyOnWriteArrayList<>();

    @Override
    public void greet(String greeting) {
      greetings.add(greeting);
    }
  }

  @Test
  void greetsPeriodicallyAcrossRunsUntilAskedToStop() {
    GreetingActivitiesImpl activities = new GreetingActivitiesImpl();
    try (SampleEnvironment sample = new SampleEnvironment("HelloPeriodicTaskQueue")) {
      sample.worker.registerWorkflow(GreetingWorkflow.class, GreetingWorkflowImpl::new);
      sample.worker.registerActivities(activities);
      sample.start();

      GreetingWorkflow workflow =
          sample.newWorkflow(GreetingWorkflow.class, "HelloPeriodicWorkflow");
      WorkflowHandle<Void> first = sample.client().start(workflow::greetPeriodically, "World");
      sample.env.sleep(Duration.ofSeconds(80));
      workflow.requestExit();
      sample.client().getHandle("HelloPeriodicWorkflow").getResult();

      // 80 s at 4 to 6 s a period: 14 to 20 periodic greetings, then the last one
      assertThat(activities.greetings).hasSizeBetween(15, 21);
      assertThat(activities.greetings.getLast()).contains("requested to quit");
      assertThat(
              sample.client().getHandle("HelloPeriodicWorkflow", first.runId()).describe().status())
          .isEqualTo(WorkflowStatus.CONTINUED_AS_NEW);
    }
  }
}
