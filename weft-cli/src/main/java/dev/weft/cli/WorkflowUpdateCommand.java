package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft workflow update WORKFLOW_ID UPDATE [--input JSON]...}: runs an update and prints its
 * result as JSON; a rejected or failed update exits 1 with the reason.
 */
@Command(name = "update", description = "Sends an update, waits for its result, prints it as JSON.")
final class WorkflowUpdateCommand implements Callable<Integer> {
  @Mixin private ClientOptions client;
  @Mixin private RunTarget run;
  @Mixin private Inputs inputs;

  @Parameters(index = "1", paramLabel = "UPDATE", description = "the update's name")
  private String update;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT1M",
      description = "how long to wait for the result, ISO-8601 (default: ${DEFAULT-VALUE})")
  private Duration timeout;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowUpdateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return client.run(
        err,
        c -> {
          Object[] args = inputs.values();
          JsonNode result = run.handle(c).update(update, timeout, JsonNode.class, args);
          out.println(JsonValues.write(result));
          return 0;
        });
  }
}
