package dev.weft.cli;

import dev.weft.client.WorkflowHandle;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code weft workflow resume WORKFLOW_ID}: Resumes a paused run. */
@Command(name = "resume", description = "Resumes a paused run.")
final class WorkflowResumeCommand extends RunControlCommand {

  WorkflowResumeCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  void apply(WorkflowHandle<Object> handle) {
    handle.resume();
  }

  @Override
  String done() {
    return "resumed";
  }
}
