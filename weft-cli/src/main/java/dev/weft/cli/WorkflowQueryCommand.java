package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weft workflow query WORKFLOW_ID QUERY [--input JSON]...}: prints the answer as JSON. */
@Command(
    name = "query",
    description = "Queries a workflow and prints the answer as JSON.",
    footer = {"", "Example:", "  weft workflow query approval-exp-2001 state"})
final class WorkflowQueryCommand implements Callable<Integer> {
  @Mixin private ClientOptions client;
  @Mixin private RunTarget run;
  @Mixin private Inputs inputs;

  @Parameters(index = "1", paramLabel = "QUERY", description = "the query's name")
  private String query;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowQueryCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return client.run(
        err,
        c -> {
          Object[] args = inputs.values();
          JsonNode answer = run.handle(c).query(query, JsonNode.class, args);
          out.println(JsonValues.write(answer));
          return 0;
        });
  }
}
