package dev.weft.cli;

import dev.weft.client.WorkflowFilter;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code weft workflow count [--query QUERY]}: how many runs match. */
@Command(
    name = "count",
    description = {
      "Counts the runs a query matches (all runs without one).",
      "Example: --query \"WorkflowType = 'Order' AND Status = 'Running'\""
    })
final class WorkflowCountCommand implements Callable<Integer> {
  @Mixin private ClientOptions client;

  @Option(
      names = "--query",
      paramLabel = "QUERY",
      description = "a filter in the list query language (see WorkflowFilter)")
  private String query;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowCountCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return client.run(
        err,
        c -> {
          long n = c.countWorkflows(WorkflowFilter.query(query));
          out.println(
              client.output() == OutputFormat.json ? JsonValues.write(Map.of("count", n)) : n);
          return 0;
        });
  }
}
