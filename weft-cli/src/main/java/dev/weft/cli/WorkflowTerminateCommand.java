package dev.weft.cli;

import dev.weft.client.WorkflowHandle;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code weft workflow terminate WORKFLOW_ID}: Ends a run at once, without running its code. */
@Command(name = "terminate", description = "Ends a run at once, without running its code.")
final class WorkflowTerminateCommand extends RunControlCommand {

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      defaultValue = "by weft workflow terminate",
      description = "why, recorded with the run (default: ${DEFAULT-VALUE})")
  private String reason;

  WorkflowTerminateCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  void apply(WorkflowHandle<Object> handle) {
    handle.terminate(reason);
  }

  @Override
  String done() {
    return "terminated";
  }
}
