package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.RunParts.NOW;
import static dev.weft.internal.runtime.RunParts.PAYLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.TimerCanceled;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.history.EventAttributes.WorkflowCompleted;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.Promise;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInfo;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The coroutine primitives, driven by a real runner over hand-made events. */
class ConcurrencyTest {

  @WorkflowInterface
  public interface Waiter {
    @WorkflowMethod
    String run(String mode);

    @SignalMethod
    void go();
  }

  public static class WaiterImpl implements Waiter {
    boolean go;

    @Override
    public String run(String mode) {
      return switch (mode) {
        case "await" -> {
          Workflow.await(() -> go);
          yield "went";
        }
        case "await-timeout" -> Workflow.await(Duration.ofMinutes(5), () -> go) ? "went" : "late";
        case "async" -> {
          Promise<String> a = Workflow.async(() -> "a");
          Promise<String> b = Workflow.async(() -> "b");
          yield a.get() + b.get();
        }
        case "scope" -> {
          CancellationScope scope = Workflow.newCancellationScope(() -> Workflow.await(() -> go));
          Workflow.async(
              () -> {
                scope.cancel("enough");
                return null;
              });
          try {
            scope.run();
            yield "not cancelled";
          } catch (RuntimeException e) {
            yield e.getMessage();
          }
        }
        default -> throw new IllegalArgumentException(mode);
      };
    }

    @Override
    public void go() {
      go = true;
    }
  }

  private WorkflowRunner runner;

  private List<EventAttributes> start(String mode) {
    runner =
        WorkflowRunners.replayOnly(PAYLOADS)
            .create(
                new WorkflowInfo("default", "wait-1", RunParts.RUN_ID, "Waiter", "q"),
                WorkflowDefinition.of(Waiter.class),
                (Supplier<?>) WaiterImpl::new);
    return runner.runTask(
        List.of(
            new EventAttributes.WorkflowStarted(
                "Waiter", "wait-1", "q", PAYLOADS.encodeArguments(new Object[] {mode}, "in"))),
        NOW,
        null);
  }

  private List<EventAttributes> next(EventAttributes event) {
    return runner.runTask(List.of(event), NOW.plusSeconds(1), null);
  }

  private static String result(List<EventAttributes> commands) {
    WorkflowCompleted completed = (WorkflowCompleted) commands.get(commands.size() - 1);
    return (String) PAYLOADS.decode(completed.result(), String.class);
  }

  @AfterEach
  void destroy() {
    runner.destroy();
  }

  @Test
  void awaitParksTheCodeUntilItsConditionHolds() {
    assertThat(start("await")).isEmpty();

    List<EventAttributes> commands =
        next(
            new EventAttributes.SignalReceived(
                "go", PAYLOADS.encodeArguments(new Object[0], "in")));

    assertThat(result(commands)).isEqualTo("went");
  }

  @Test
  void awaitWithATimeoutStartsATimerAndCancelsItWhenTheConditionHolds() {
    assertThat(start("await-timeout"))
        .containsExactly(
            new TimerStarted(1, Duration.ofMinutes(5), NOW.plus(Duration.ofMinutes(5))));

    List<EventAttributes> commands =
        next(
            new EventAttributes.SignalReceived(
                "go", PAYLOADS.encodeArguments(new Object[0], "in")));

    assertThat(commands.get(0)).isEqualTo(new TimerCanceled(1));
    assertThat(result(commands)).isEqualTo("went");
  }

  @Test
  void awaitWithATimeoutReturnsFalseWhenTheTimerFiresFirst() {
    start("await-timeout");

    assertThat(result(next(new EventAttributes.TimerFired(1)))).isEqualTo("late");
  }

  @Test
  void asyncBlocksRunAsCoroutinesInCreationOrder() {
    assertThat(result(start("async"))).isEqualTo("ab");
  }

  @Test
  void cancellingAScopeWakesTheCodeWaitingInIt() {
    assertThat(result(start("scope"))).contains("await cancelled: enough");
  }

  @Test
  void thePrimitivesRefuseToRunOutsideWorkflowCode() {
    start("await");

    assertThatThrownBy(() -> runner.concurrency().await(() -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can only be called from workflow code");
  }
}
