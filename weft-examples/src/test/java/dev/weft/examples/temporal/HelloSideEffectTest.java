package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.testing.WorkflowReplayer;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloSideEffect}: random values made the replay-safe ways ({@code
 * Workflow.random()}, {@code Workflow.randomUUID()}, {@code Workflow.sideEffect}) choose the
 * activity to call. A query on the closed run returns the same result, and replaying the run's
 * history with the same code raises no non-determinism: every random value comes back as recorded.
 */
class HelloSideEffectTest {
  @WorkflowInterface
  public interface SideEffectWorkflow {
    @WorkflowMethod
    String execute();

    @QueryMethod
    String getResult();
  }

  @ActivityInterface
  public interface SideEffectActivities {
    String sayHello(String greeting);

    String sayGoodBye(String greeting);
  }

  public static class SideEffectWorkflowImpl implements SideEffectWorkflow {
    private final SideEffectActivities activities =
        Workflow.newActivityStub(
            SideEffectActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build());
    private String result;

    @Override
    public String execute() {
      int randomInt = Workflow.random().nextInt();
      UUID randomUuid = Workflow.randomUUID();
      int sideEffectsRandomInt =
          Workflow.sideEffect(Integer.class, () -> new SecureRandom().nextInt());
      if ((randomUuid.version() + randomInt + sideEffectsRandomInt) % 2 == 0) {
        result = activities.sayHello("World");
      } else {
        result = activities.sayGoodBye("World!");
      }
      return result;
    }

    @Override
    public String getResult() {
      return result;
    }
  }

  static class SideEffectActivitiesImpl implements SideEffectActivities {
    @Override
    public String sayHello(String greeting) {
      return "Hello " + greeting;
    }

    @Override
    public String sayGoodBye(String greeting) {
      return "Goodbye " + greeting;
    }
  }

  @Test
  void aQueryAfterTheRunReplaysToTheSameResult() {
    try (SampleEnvironment sample = new SampleEnvironment("HelloSideEffectTaskQueue")) {
      sample.worker.registerWorkflow(SideEffectWorkflow.class, SideEffectWorkflowImpl::new);
      sample.worker.registerActivities(new SideEffectActivitiesImpl());
      sample.start();

      for (int i = 0; i < 5; i++) {
        SideEffectWorkflow workflow =
            sample.newWorkflow(SideEffectWorkflow.class, "HelloSideEffectTaskWorkflow-" + i);
        String result = workflow.execute();

        assertThat(result).isIn("Hello World", "Goodbye World!");
        assertThat(workflow.getResult()).isEqualTo(result);
        WorkflowReplayer.replayWorkflowExecution(
            sample.client().getHandle("HelloSideEffectTaskWorkflow-" + i).fetchHistory(),
            SideEffectWorkflow.class,
            SideEffectWorkflowImpl::new);
      }
    }
  }
}
