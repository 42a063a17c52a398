package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WeftClient;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code weft workflow query WORKFLOW_ID QUERY [--input JSON]...}: prints the answer as JSON; the
 * built-in {@code __stack_trace} query's answer is printed as the text it is.
 */
@Command(
    name = "query",
    description = {
      "Queries a workflow and prints the answer as JSON.",
      "The built-in query __stack_trace prints where the workflow's threads are blocked."
    },
    footer = {
      "",
      "Examples:",
      "  weft workflow query approval-exp-2001 state",
      "  weft workflow query approval-exp-2001 __stack_trace"
    })
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
          if (WeftClient.QUERY_TYPE_STACK_TRACE.equals(query) && answer.isTextual()) {
            out.print(answer.asText());
          } else {
            out.println(JsonValues.write(answer));
          }
          return 0;
        });
  }
}
