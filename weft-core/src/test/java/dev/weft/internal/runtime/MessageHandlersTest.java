package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.RunParts.NOW;
import static dev.weft.internal.runtime.RunParts.PAYLOADS;
import static dev.weft.internal.runtime.RunParts.runner;
import static dev.weft.internal.runtime.RunParts.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.failure.QueryFailedException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.SignalReceived;
import dev.weft.history.EventAttributes.UpdateCompleted;
import dev.weft.history.EventAttributes.UpdateRequested;
import dev.weft.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageHandlersTest {

  /** Keeps running after its greeting, so that its handlers have a run to act on. */
  static final class Waiting extends RunParts.GreeterImpl {
    @Override
    public String greet(String name) {
      this.name = name;
      Workflow.await(() -> false);
      return "never";
    }
  }

  private final RunParts.GreeterImpl greeter = new Waiting();
  private final WorkflowRunner runner = runner(() -> greeter);
  private final MessageHandlers handlers = runner.handlers();

  @AfterEach
  void destroy() {
    runner.destroy();
  }

  private void startRun() {
    runner.runTask(List.of(started("ada")), NOW, null);
  }

  private static UpdateRequested shout(String id, String suffix) {
    return new UpdateRequested(id, "shout", PAYLOADS.encodeArguments(new Object[] {suffix}, "in"));
  }

  @Test
  void anUpdateBeforeTheCodeStartedIsRejected() {
    handlers.requestUpdate(shout("u1", "!"));

    assertThat(handlers.rejectedUpdates().get("u1").message())
        .contains("has not started running its code yet");
  }

  @Test
  void anUpdateTheTypeDoesNotHaveIsRejectedNamingItsUpdates() {
    startRun();

    handlers.requestUpdate(new UpdateRequested("u1", "whisper", null));

    assertThat(handlers.rejectedUpdates().get("u1").message())
        .contains("has no update 'whisper'")
        .contains("shout");
  }

  @Test
  void anUpdateItsValidatorRefusesIsRejectedAndRunsNoHandler() {
    startRun();

    List<EventAttributes> commands = runner.runTask(List.of(shout("u1", "")), NOW, null);

    assertThat(runner.rejectedUpdates().get("u1").message()).contains("a shout needs a suffix");
    assertThat(commands).isEmpty();
  }

  @Test
  void anAcceptedUpdateRunsItsHandlerAndRecordsItsResult() {
    startRun();

    handlers.requestUpdate(shout("u1", "!"));
    List<EventAttributes> commands = runner.runTask(List.of(), NOW, null);

    assertThat(handlers.rejectedUpdates()).isEmpty();
    UpdateCompleted completed = (UpdateCompleted) commands.get(0);
    assertThat(completed.updateId()).isEqualTo("u1");
    assertThat(PAYLOADS.decode(completed.result(), String.class)).isEqualTo("ADA!");
  }

  @Test
  void rejectionsAreForgottenWhenTheNextTaskStarts() {
    handlers.requestUpdate(shout("u1", "!"));

    handlers.clearRejections();

    assertThat(handlers.rejectedUpdates()).isEmpty();
  }

  @Test
  void aSignalRunsItsHandlerAndAQueryReadsTheState() {
    startRun();

    handlers.signal(
        new SignalReceived("rename", PAYLOADS.encodeArguments(new Object[] {"bo"}, "in")));
    runner.runTask(List.of(), NOW, null);

    assertThat(
            PAYLOADS.decode(
                handlers.query("current", PAYLOADS.encodeArguments(new Object[0], "in")),
                String.class))
        .isEqualTo("bo");
  }

  @Test
  void aSignalTheTypeDoesNotHandleIsDropped() {
    startRun();

    handlers.signal(new SignalReceived("unknown", PAYLOADS.encodeArguments(new Object[0], "in")));

    assertThat(runner.runTask(List.of(), NOW, null)).isEmpty();
    assertThat(greeter.name).isEqualTo("ada");
  }

  @Test
  void anUnknownQueryNamesTheTypesQueries() {
    startRun();

    assertThatThrownBy(
            () -> handlers.query("missing", PAYLOADS.encodeArguments(new Object[0], "in")))
        .isInstanceOf(UnknownQueryException.class)
        .hasMessageContaining("current");
  }

  @Test
  void aQueryBeforeTheCodeStartedFails() {
    assertThatThrownBy(
            () -> handlers.query("current", PAYLOADS.encodeArguments(new Object[0], "in")))
        .isInstanceOf(QueryFailedException.class);
  }
}
