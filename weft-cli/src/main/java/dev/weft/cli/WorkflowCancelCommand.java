package dev.weft.cli;

import dev.weft.client.WorkflowHandle;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weft workflow cancel WORKFLOW_ID}: Asks a run to cancel; its code sees the request and may
 * clean up.
 */
@Command(
    name = "cancel",
    description = "Asks a run to cancel; its code sees the request and may clean up.")
final class WorkflowCancelCommand extends RunControlCommand {

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      defaultValue = "by weft workflow cancel",
      description = "why, recorded with the run (default: ${DEFAULT-VALUE})")
  private String reason;

  WorkflowCancelCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  void apply(WorkflowHandle<Object> handle) {
    handle.cancel(reason);
  }

  @Override
  String done() {
    return "cancel requested for";
  }
}
