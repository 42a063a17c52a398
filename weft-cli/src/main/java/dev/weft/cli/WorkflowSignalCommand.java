package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weft workflow signal WORKFLOW_ID SIGNAL [--input JSON]...}: sends a signal to a run. */
@Command(
    name = "signal",
    description = "Sends a signal to a running workflow.",
    footer = {
      "",
      "Example:",
      "  weft workflow signal approval-exp-2001 approve -i '\"dave\"' -i '\"ok\"'"
    })
final class WorkflowSignalCommand implements Callable<Integer> {
  @Mixin private ClientOptions client;
  @Mixin private RunTarget run;
  @Mixin private Inputs inputs;

  @Parameters(index = "1", paramLabel = "SIGNAL", description = "the signal's name")
  private String signal;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowSignalCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return client.run(
        err,
        c -> {
          Object[] args = inputs.values();
          run.handle(c).signal(signal, args);
          if (client.output() == OutputFormat.json) {
            out.println(JsonValues.write(java.util.Map.of("signaled", run.workflowId())));
          } else {
            out.println("signal " + signal + " sent to " + run.workflowId());
          }
          return 0;
        });
  }
}
