package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Saga;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloSaga}: a child workflow and an asynchronous activity each register a
 * compensation (a compensating child, an activity with its argument, a lambda); an error then runs
 * them in reverse order. Same calls, same order, on Weft.
 */
class HelloSagaTest {
  @WorkflowInterface
  public interface ChildWorkflowOperation {
    @WorkflowMethod
    void execute(int amount);
  }

  @WorkflowInterface
  public interface ChildWorkflowCompensation {
    @WorkflowMethod
    void compensate(int amount);
  }

  @WorkflowInterface
  public interface SagaWorkflow {
    @WorkflowMethod
    void execute();
  }

  @ActivityInterface
  public interface ActivityOperation {
    void execute(int amount);

    void compensate(int amount);

    void note(String text);
  }

  static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build();

  public static class ChildWorkflowOperationImpl implements ChildWorkflowOperation {
    private final ActivityOperation activity =
        Workflow.newActivityStub(ActivityOperation.class, OPTIONS);

    @Override
    public void execute(int amount) {
      activity.execute(amount);
    }
  }

  public static class ChildWorkflowCompensationImpl implements ChildWorkflowCompensation {
    private final ActivityOperation activity =
        Workflow.newActivityStub(ActivityOperation.class, OPTIONS);

    @Override
    public void compensate(int amount) {
      activity.compensate(amount);
    }
  }

  public static class SagaWorkflowImpl implements SagaWorkflow {
    private final ActivityOperation activity =
        Workflow.newActivityStub(ActivityOperation.class, OPTIONS);

    @Override
    public void execute() {
      Saga saga = new Saga(new Saga.Options(false, true));
      try {
        ChildWorkflowOperation op1 = Workflow.newChildWorkflowStub(ChildWorkflowOperation.class);
        op1.execute(10);
        ChildWorkflowCompensation c1 =
            Workflow.newChildWorkflowStub(ChildWorkflowCompensation.class);
        saga.addCompensation(c1::compensate, -10);

        Promise<Void> result = Workflow.async(() -> activity.execute(20));
        saga.addCompensation(activity::compensate, -20);
        result.get();

        saga.addCompensation(() -> activity.note("other compensation logic"));
        throw new IllegalStateException("some error");
      } catch (RuntimeException e) {
        saga.compensate();
      }
    }
  }

  static class ActivityOperationImpl implements ActivityOperation {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(int amount) {
      calls.add("execute " + amount);
    }

    @Override
    public void compensate(int amount) {
      calls.add("compensate " + amount);
    }

    @Override
    public void note(String text) {
      calls.add(text);
    }
  }

  @Test
  void compensatesInReverseOrder() {
    ActivityOperationImpl activities = new ActivityOperationImpl();
    try (SampleEnvironment sample = new SampleEnvironment("HelloSagaTaskQueue")) {
      sample.worker.registerWorkflow(SagaWorkflow.class, SagaWorkflowImpl::new);
      sample.worker.registerWorkflow(ChildWorkflowOperation.class, ChildWorkflowOperationImpl::new);
      sample.worker.registerWorkflow(
          ChildWorkflowCompensation.class, ChildWorkflowCompensationImpl::new);
      sample.worker.registerActivities(activities);
      sample.start();

      sample.newWorkflow(SagaWorkflow.class, "HelloSagaTaskWorkflow").execute();

      assertThat(activities.calls)
          .containsExactly(
              "execute 10",
              "execute 20",
              "other compensation logic",
              "compensate -20",
              "compensate -10");
    }
  }
}
