package dev.weft.cli;

import dev.weft.client.WorkflowHandle;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A subcommand that does one thing to a run and prints that it was done: cancel, terminate, pause,
 * resume. Each subclass says what it does to the handle and how to say it.
 */
abstract class RunControlCommand implements Callable<Integer> {
  @Mixin private ClientOptions client;
  @Mixin private RunTarget run;

  private final PrintStream out;
  private final PrintStream err;

  RunControlCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Does it. */
  abstract void apply(WorkflowHandle<Object> handle);

  /** What was done, as the verb of "VERB workflow-id" (e.g. {@code terminated}). */
  abstract String done();

  @Override
  public final Integer call() {
    return client.run(
        err,
        c -> {
          apply(run.handle(c));
          if (client.output() == OutputFormat.json) {
            out.println(JsonValues.write(Map.of("workflowId", run.workflowId(), "done", done())));
          } else {
            out.println(done() + " " + run.workflowId());
          }
          return 0;
        });
  }
}
