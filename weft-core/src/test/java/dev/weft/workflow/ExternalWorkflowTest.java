package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.CancelExternalWorkflowException;
import dev.weft.failure.SignalExternalWorkflowException;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ExternalWorkflowCancelRequested;
import dev.weft.history.EventAttributes.ExternalWorkflowSignaled;
import dev.weft.history.EventAttributes.RequestCancelExternalWorkflowInitiated;
import dev.weft.history.EventAttributes.SignalExternalWorkflowFailed;
import dev.weft.history.EventAttributes.SignalExternalWorkflowInitiated;
import dev.weft.history.EventAttributes.SignalReceived;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signalling and cancelling other workflows from workflow code (external workflow stubs). */
@Tag("engine")
public class ExternalWorkflowTest {

  @WorkflowInterface
  public interface Receiver {
    /** Returns the items it was signalled, once it has {@code count}. */
    @WorkflowMethod
    String collect(int count);

    @SignalMethod
    void add(String item);

    @QueryMethod
    int received();
  }

  public static class ReceiverImpl implements Receiver {
    private final List<String> items = new ArrayList<>();

    @Override
    public String collect(int count) {
      Workflow.await(() -> items.size() >= count);
      return String.join(",", items);
    }

    @Override
    public void add(String item) {
      items.add(item);
    }

    @Override
    public int received() {
      return items.size();
    }
  }

  @WorkflowInterface
  public interface Sender {
    @WorkflowMethod
    String send(String mode, String targetId, String targetRunId);

    @SignalMethod
    void go();
  }

  public static class SenderImpl implements Sender {
    private boolean go;

    @Override
    public String send(String mode, String targetId, String targetRunId) {
      switch (mode) {
        case "signal" -> {
          Receiver typed = Workflow.newExternalWorkflowStub(Receiver.class, targetId);
          typed.add("a");
          Promise<Void> b =
              Workflow.newUntypedExternalWorkflowStub(targetId).signalAsync("add", "b");
          Workflow.newUntypedExternalWorkflowStub(targetId, targetRunId).signal("add", "c");
          b.get();
          return "sent";
        }
        case "signal-wait-signal" -> {
          Receiver typed = Workflow.newExternalWorkflowStub(Receiver.class, targetId);
          typed.add("before");
          Workflow.await(() -> go);
          typed.add("after");
          return "sent twice";
        }
        case "cancel" -> {
          ExternalWorkflowStub.fromTyped(
                  Workflow.newExternalWorkflowStub(Receiver.class, targetId, targetRunId))
              .cancel();
          return "cancel requested";
        }
        case "missing" -> {
          String outcome;
          try {
            Workflow.newExternalWorkflowStub(Receiver.class, targetId, targetRunId).add("x");
            outcome = "signalled";
          } catch (SignalExternalWorkflowException e) {
            outcome = e.getWorkflowId() + ": " + e.getMessage();
          }
          try {
            Workflow.newUntypedExternalWorkflowStub(targetId, targetRunId).cancel();
            return outcome + " / cancelled";
          } catch (CancelExternalWorkflowException e) {
            return outcome + " / " + e.getWorkflowId() + ": " + e.getMessage();
          }
        }
        case "missing-uncaught" -> {
          Workflow.newUntypedExternalWorkflowStub(targetId).signal("add", "x");
          return "signalled";
        }
        default -> throw new IllegalArgumentException(mode);
      }
    }

    @Override
    public void go() {
      go = true;
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(dir, b -> b.cacheSize(1), ExternalWorkflowTest::register);
  }

  private static void register(dev.weft.engine.WeftEngine e) {
    e.newWorker("external")
        .registerWorkflow(Sender.class, SenderImpl::new)
        .registerWorkflow(Receiver.class, ReceiverImpl::new);
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().workflowId(workflowId).taskQueue("external").build();
  }

  private static WorkflowHandle<Object> receiver(EngineFixture f, String id, int count) {
    return f.client().start("Receiver", options(id), count);
  }

  private static WorkflowHandle<Object> sender(
      EngineFixture f, String id, String mode, String target, String targetRun) {
    return f.client().start("Sender", options(id), mode, target, targetRun);
  }

  private static <T> List<T> events(WorkflowHandle<?> h, Class<T> type) {
    return h.fetchHistory().events().stream()
        .map(e -> e.attributes())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  @Test
  void aWorkflowSignalsAnotherThroughTypedAndUntypedStubs(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> target = receiver(f, "inbox-1", 3);
      WorkflowHandle<Object> sender = sender(f, "sender-1", "signal", "inbox-1", target.runId());

      assertThat(sender.getResult(String.class)).isEqualTo("sent");
      assertThat(target.getResult(String.class)).isEqualTo("a,b,c");
      Histories.record("external-workflow-signalled", sender);

      assertThat(events(sender, SignalExternalWorkflowInitiated.class))
          .extracting(SignalExternalWorkflowInitiated::workflowId, s -> s.signalName())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("inbox-1", "add"),
              org.assertj.core.groups.Tuple.tuple("inbox-1", "add"),
              org.assertj.core.groups.Tuple.tuple("inbox-1", "add"));
      assertThat(events(sender, ExternalWorkflowSignaled.class))
          .hasSize(3)
          .allSatisfy(s -> assertThat(s.runId()).isEqualTo(target.runId()));
      assertThat(events(target, SignalReceived.class)).hasSize(3);
    }
  }

  @Test
  void aSignalIsSentOnceAlthoughTheSenderIsReplayed(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> target = receiver(f, "inbox-2", 2);
      WorkflowHandle<Object> sender = sender(f, "sender-2", "signal-wait-signal", "inbox-2", null);
      Awaitility.await()
          .atMost(ChildWorkflowTest.WAIT)
          .until(() -> target.query("received", Integer.class) == 1);

      // a new engine replays the sender from its history before it goes on
      f.restart(ExternalWorkflowTest::register);
      f.client().getHandle("sender-2").signal("go");

      assertThat(f.client().getHandle("sender-2").getResult(String.class)).isEqualTo("sent twice");
      assertThat(f.client().getHandle("inbox-2").getResult(String.class)).isEqualTo("before,after");
      assertThat(events(f.client().getHandle("inbox-2"), SignalReceived.class)).hasSize(2);
      assertThat(events(f.client().getHandle("sender-2"), SignalExternalWorkflowInitiated.class))
          .hasSize(2);
    }
  }

  @Test
  void aWorkflowCancelsAnother(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> target = receiver(f, "inbox-3", 5);
      WorkflowHandle<Object> sender = sender(f, "sender-3", "cancel", "inbox-3", target.runId());

      assertThat(sender.getResult(String.class)).isEqualTo("cancel requested");
      Histories.record("external-workflow-cancelled", sender);
      Awaitility.await()
          .atMost(ChildWorkflowTest.WAIT)
          .until(() -> target.describe().status() == WorkflowStatus.CANCELED);
      assertThat(events(sender, RequestCancelExternalWorkflowInitiated.class)).hasSize(1);
      assertThat(events(sender, ExternalWorkflowCancelRequested.class))
          .singleElement()
          .satisfies(c -> assertThat(c.runId()).isEqualTo(target.runId()));
      assertThat(events(target, EventAttributes.WorkflowCancelRequested.class))
          .singleElement()
          .satisfies(
              c ->
                  assertThat(c.reason())
                      .isEqualTo(
                          "cancel requested by workflow 'sender-3' (run " + sender.runId() + ")"));
    }
  }

  @Test
  void aMissingTargetFailsTheCallWithATypedFailureNamingIt(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> sender = sender(f, "sender-4", "missing", "nobody", null);

      assertThat(sender.getResult(String.class))
          .isEqualTo(
              "nobody: external workflow 'nobody' not found"
                  + " / nobody: external workflow 'nobody' not found");
      Histories.record("external-workflow-not-found", sender);
      assertThat(events(sender, SignalExternalWorkflowFailed.class))
          .singleElement()
          .satisfies(e -> assertThat(e.workflowId()).isEqualTo("nobody"));
    }
  }

  @Test
  void aClosedTargetFailsTheCallNamingItsStatus(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> target = receiver(f, "inbox-5", 0);
      assertThat(target.getResult(String.class)).isEmpty();

      String byId = sender(f, "sender-5", "missing", "inbox-5", null).getResult(String.class);
      String byRun =
          sender(f, "sender-6", "missing", "inbox-5", target.runId()).getResult(String.class);
      String otherRun =
          sender(f, "sender-7", "missing", "inbox-5", "no-such-run").getResult(String.class);

      assertThat(byId)
          .startsWith(
              "inbox-5: external workflow 'inbox-5' not found running: its latest run "
                  + target.runId()
                  + " is COMPLETED");
      assertThat(byRun)
          .startsWith(
              "inbox-5: external workflow 'inbox-5' run "
                  + target.runId()
                  + " not found running: it is COMPLETED");
      assertThat(otherRun)
          .startsWith("inbox-5: external workflow 'inbox-5' run no-such-run not found /");
    }
  }

  @Test
  void anUncaughtFailureFailsTheSender(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> sender = sender(f, "sender-8", "missing-uncaught", "ghost", null);

      assertThatThrownBy(() -> sender.getResult(String.class))
          .isInstanceOf(WorkflowFailedException.class)
          .hasStackTraceContaining("external workflow 'ghost' not found");
    }
  }

  @Test
  void aTypedStubRefusesMethodsThatAreNotSignalsAndBadIds() {
    Receiver stub = Workflow.newExternalWorkflowStub(Receiver.class, "someone");

    assertThatThrownBy(() -> stub.collect(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Receiver.collect() is not a @SignalMethod");
    assertThatThrownBy(() -> Workflow.newUntypedExternalWorkflowStub(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an external workflow stub needs a workflow ID, was ' '");
    assertThatThrownBy(() -> ExternalWorkflowStub.fromTyped("not a stub"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a typed external workflow stub");
    assertThat(ExternalWorkflowStub.fromTyped(stub).getWorkflowId()).isEqualTo("someone");
    assertThatThrownBy(() -> stub.add("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can only be called from workflow code");
  }
}
