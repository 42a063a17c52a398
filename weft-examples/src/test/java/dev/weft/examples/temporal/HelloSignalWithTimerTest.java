package dev.weft.examples.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.failure.CanceledFailure;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Temporal's {@code hello/HelloSignalWithTimer}: a workflow keeps the last value signalled within a
 * 5 s window, processes it when the timer fires and continues as new; an exit signal cancels the
 * timer's scope and ends the workflow. Same results: one processed value per window, the last one
 * on exit; the signals, sent through the stub that started the first run, reach each current run.
 */
class HelloSignalWithTimerTest {
  @WorkflowInterface
  public interface SignalWithTimerWorkflow {
    @WorkflowMethod
    void execute();

    @SignalMethod
    void newValue(String value);

    @SignalMethod
    void exit();
  }

  @ActivityInterface
  public interface ValueProcessingActivities {
    void processValue(String value);
  }

  public static class SignalWithTimerWorkflowImpl implements SignalWithTimerWorkflow {
    private final ValueProcessingActivities activities =
        Workflow.newActivityStub(
            ValueProcessingActivities.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(2)).build());
    private String lastValue = "";
    private CancellationScope timerScope;
    private boolean exit;

    @Override
    public void execute() {
      if (exit) {
        return;
      }
      timerScope =
          Workflow.newCancellationScope(
              () -> {
                try {
                  Workflow.newTimer(Duration.ofSeconds(5)).get();
                } catch (CanceledFailure e) {
                  // the exit signal cancelled the timer
                }
              });
      timerScope.run();
      activities.processValue(lastValue);
      if (!exit) {
        Workflow.newContinueAsNewStub(SignalWithTimerWorkflow.class).execute();
      }
    }

    @Override
    public void newValue(String value) {
      lastValue = value;
    }

    @Override
    public void exit() {
      if (timerScope != null) {
        timerScope.cancel("exit received");
      }
      exit = true;
    }
  }

  static class ValueProcessingActivitiesImpl implements ValueProcessingActivities {
    final List<String> processed = new CopyOnWriteArrayList<>();

    @Override
    public void processValue(String value) {
      processed.add(value);
    }
  }

  @Test
  void processesTheLastValueOfEachWindow() {
    ValueProcessingActivitiesImpl activities = new ValueProcessingActivitiesImpl();
    try (SampleEnvironment sample = new SampleEnvironment("HelloSignalWithTimerTaskQueue")) {
      sample.worker.registerWorkflow(
          SignalWithTimerWorkflow.class, SignalWithTimerWorkflowImpl::new);
      sample.worker.registerActivities(activities);
      sample.start();

      SignalWithTimerWorkflow workflow =
          sample.newWorkflow(SignalWithTimerWorkflow.class, "HelloSignalWithTimerWorkflow");
      sample.client().start(workflow::execute);
      for (int i = 0; i < 5; i++) {
        if (i > 0) {
          sample.env.sleep(Duration.ofSeconds(3));
        }
        workflow.newValue("Value " + i);
      }
      workflow.exit();
      sample.client().getHandle("HelloSignalWithTimerWorkflow").getResult();

      // values at 0, 3, 6, 9 and 12 s; windows of 5 s: the first run processes Value 1 at 5 s,
      // the second Value 3 at 10 s, the third Value 4 on exit
      assertThat(activities.processed).containsExactly("Value 1", "Value 3", "Value 4");
    }
  }
}
