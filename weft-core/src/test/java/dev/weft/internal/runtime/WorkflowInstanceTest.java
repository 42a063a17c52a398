package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.RunParts.NOW;
import static dev.weft.internal.runtime.RunParts.PAYLOADS;
import static dev.weft.internal.runtime.RunParts.runner;
import static dev.weft.internal.runtime.RunParts.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.CanceledFailure;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowCanceled;
import dev.weft.history.EventAttributes.WorkflowCompleted;
import dev.weft.history.EventAttributes.WorkflowContinuedAsNew;
import dev.weft.history.EventAttributes.WorkflowFailed;
import dev.weft.workflow.ContinueAsNewOptions;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WorkflowInstanceTest {

  /** A greeter whose workflow method throws what it is given. */
  static final class Throwing extends RunParts.GreeterImpl {
    private final Supplier<RuntimeException> failure;

    Throwing(Supplier<RuntimeException> failure) {
      this.failure = failure;
    }

    @Override
    public String greet(String name) {
      throw failure.get();
    }
  }

  private static List<EventAttributes> firstTask(WorkflowRunner runner) {
    try {
      return runner.runTask(List.of(started("ada")), NOW, null);
    } finally {
      runner.destroy();
    }
  }

  @Test
  void theStartEventMakesTheObjectAndItsResultCompletesTheRun() {
    WorkflowRunner runner = runner(RunParts.GreeterImpl::new);

    List<EventAttributes> commands = firstTask(runner);

    WorkflowCompleted completed = (WorkflowCompleted) commands.get(0);
    assertThat(PAYLOADS.decode(completed.result(), String.class)).isEqualTo("hello ada");
    assertThat(runner.instance().started().workflowId()).isEqualTo(RunParts.INFO.workflowId());
    assertThat(runner.isClosing()).isTrue();
  }

  @Test
  void aWorkflowFailureFailsTheRun() {
    List<EventAttributes> commands =
        firstTask(runner(() -> new Throwing(() -> ApplicationFailure.newFailure("no", "Nope"))));

    assertThat(((WorkflowFailed) commands.get(0)).failure().type()).isEqualTo("Nope");
  }

  @Test
  void anyOtherExceptionFailsOnlyTheTask() {
    WorkflowRunner runner = runner(() -> new Throwing(() -> new IllegalStateException("bug")));

    assertThatThrownBy(() -> firstTask(runner))
        .isInstanceOf(WorkflowTaskFailedException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCancellationAfterACancelRequestCancelsTheRun() {
    WorkflowRunner runner =
        runner(() -> new Throwing(() -> new CanceledFailure("stopped by request")));

    List<EventAttributes> commands =
        runner.runTask(
            List.of(started("ada"), new EventAttributes.WorkflowCancelRequested(null)), NOW, null);
    runner.destroy();

    assertThat(commands).containsExactly(new WorkflowCanceled("stopped by request"));
  }

  @Test
  void continuingAsNewCarriesTheNewInputTheCurrentSearchAttributesAndTheMemo() {
    RunParts.GreeterImpl greeter = new RunParts.GreeterImpl();
    CurrentTask task = RunParts.liveTask();
    Markers markers =
        new Markers(RunParts.INFO, task, PAYLOADS, SearchAttributeIndexer.BY_JAVA_TYPE);
    WorkflowRunner host = runner(() -> greeter);
    WorkflowInstance instance =
        new WorkflowInstance(
            RunParts.INFO,
            RunParts.greeter(),
            () -> greeter,
            PAYLOADS,
            task,
            new CoroutineScheduler(host, Duration.ofSeconds(5)),
            RunParts.rootScope(),
            markers);
    EventAttributes.WorkflowStarted withMemo =
        new EventAttributes.WorkflowStarted(
            "Greeter",
            RunParts.INFO.workflowId(),
            RunParts.INFO.taskQueue(),
            PAYLOADS.encodeArguments(new Object[] {"ada"}, "in"),
            null,
            null,
            1,
            null,
            null,
            null,
            null,
            PAYLOADS.encode("remember me", "memo"),
            null);
    instance.start(withMemo);
    markers.upsertSearchAttributes(Map.of("Step", 2));

    instance.continuedAsNew(
        instance.continueAsNew(null, ContinueAsNewOptions.DEFAULTS, new Object[] {"bo"}));
    host.destroy();

    WorkflowContinuedAsNew continued = (WorkflowContinuedAsNew) task.produced().get(1);
    assertThat(continued.newRunId()).isNull();
    assertThat(continued.searchAttributes()).containsOnlyKeys("Step");
    assertThat(continued.memo()).isEqualTo(withMemo.memo());
    assertThat(PAYLOADS.decodeArguments(continued.input(), new Type[] {String.class}))
        .containsExactly("bo");
    assertThat(task.isClosing()).isTrue();
    assertThat(instance.object()).isSameAs(greeter);
  }
}
