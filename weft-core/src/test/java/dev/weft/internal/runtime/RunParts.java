package dev.weft.internal.runtime;

import dev.weft.converter.JacksonDataConverter;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.UpdateMethod;
import dev.weft.workflow.UpdateValidatorMethod;
import dev.weft.workflow.WorkflowInfo;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Real pieces of a runner for the unit tests of its parts. */
final class RunParts {
  static final PayloadConverter PAYLOADS =
      new PayloadConverter(new JacksonDataConverter(), null, Long.MAX_VALUE);
  static final String RUN_ID = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b";
  static final WorkflowInfo INFO =
      new WorkflowInfo("default", "greeting-1", RUN_ID, "Greeter", "q");
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private RunParts() {}

  /** A workflow with one of each kind of message handler. */
  @WorkflowInterface
  public interface Greeter {
    @WorkflowMethod
    String greet(String name);

    @SignalMethod
    void rename(String name);

    @UpdateMethod
    String shout(String suffix);

    @UpdateValidatorMethod(updateName = "shout")
    void checkShout(String suffix);

    @QueryMethod
    String current();
  }

  /** Greets at once; its handlers never block, so they run without a workflow context. */
  public static class GreeterImpl implements Greeter {
    String name = "nobody";

    @Override
    public String greet(String name) {
      this.name = name;
      return "hello " + name;
    }

    @Override
    public void rename(String name) {
      this.name = name;
    }

    @Override
    public String shout(String suffix) {
      return name.toUpperCase() + suffix;
    }

    @Override
    public void checkShout(String suffix) {
      if (suffix.isEmpty()) {
        throw new IllegalArgumentException("a shout needs a suffix");
      }
    }

    @Override
    public String current() {
      return name;
    }
  }

  static WorkflowDefinition greeter() {
    return WorkflowDefinition.of(Greeter.class);
  }

  static WorkflowStarted started(Object... args) {
    return new WorkflowStarted(
        "Greeter", INFO.workflowId(), INFO.taskQueue(), PAYLOADS.encodeArguments(args, "input"));
  }

  /** A runner of {@code implementation} that only replays (no local activities). */
  static WorkflowRunner runner(Supplier<?> implementation) {
    return WorkflowRunners.replayOnly(PAYLOADS).create(INFO, greeter(), implementation);
  }

  /** A live task at {@link #NOW}. */
  static CurrentTask liveTask() {
    CurrentTask task = new CurrentTask(RUN_ID);
    task.begin(NOW, null);
    return task;
  }

  /** A task that replays {@code recorded} after a boundary event 3. */
  static CurrentTask replayTask(EventAttributes... recorded) {
    List<HistoryEvent> events = new ArrayList<>();
    for (int i = 0; i < recorded.length; i++) {
      events.add(new HistoryEvent(4 + i, NOW, recorded[i]));
    }
    CurrentTask task = new CurrentTask(RUN_ID);
    task.begin(NOW, new WorkflowRunner.ReplayedTask(3, events));
    return task;
  }

  static ScopeNode rootScope() {
    return new ScopeNode(null, true, () -> {});
  }
}
