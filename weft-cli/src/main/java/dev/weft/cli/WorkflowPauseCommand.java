package dev.weft.cli;

import dev.weft.client.WorkflowHandle;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weft workflow pause WORKFLOW_ID}: Pauses a run: none of its tasks is dispatched until it
 * is resumed.
 */
@Command(
    name = "pause",
    description = "Pauses a run: none of its tasks is dispatched until it is resumed.")
final class WorkflowPauseCommand extends RunControlCommand {

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      defaultValue = "by weft workflow pause",
      description = "why, recorded with the run (default: ${DEFAULT-VALUE})")
  private String reason;

  WorkflowPauseCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  void apply(WorkflowHandle<Object> handle) {
    handle.pause(reason);
  }

  @Override
  String done() {
    return "paused";
  }
}
