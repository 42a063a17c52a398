package dev.weft.cli;

import dev.weft.client.WorkflowFilter;
import dev.weft.common.WorkflowStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code weft workflow count [--query QUERY] [--group-by status]}: how many runs match. */
@Command(
    name = "count",
    description = {
      "Counts the runs a query matches (all runs without one), by status with --group-by status.",
      "Example: --query \"WorkflowType = 'Order' AND Status = 'Running'\""
    })
final class WorkflowCountCommand implements Callable<Integer> {
  @Mixin private ClientOptions client;

  @Spec private CommandSpec spec;

  @Option(
      names = "--query",
      paramLabel = "QUERY",
      description = "a filter in the list query language (see WorkflowFilter)")
  private String query;

  @Option(
      names = "--group-by",
      paramLabel = "FIELD",
      description =
          "status (or ExecutionStatus): one line per status that has runs, then the total")
  private String groupBy;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowCountCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (groupBy != null
        && !groupBy.equalsIgnoreCase("status")
        && !groupBy.equalsIgnoreCase("ExecutionStatus")) {
      throw new ParameterException(
          spec.commandLine(),
          "--group-by can only be status (ExecutionStatus), not '" + groupBy + "'");
    }
    return client.run(
        err,
        c -> {
          if (groupBy == null) {
            long n = c.countWorkflows(WorkflowFilter.query(query));
            out.println(
                client.output() == OutputFormat.json ? JsonValues.write(Map.of("count", n)) : n);
            return 0;
          }
          printGroups(c.countWorkflowsByStatus(WorkflowFilter.query(query)));
          return 0;
        });
  }

  private void printGroups(Map<WorkflowStatus, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (client.output() == OutputFormat.json) {
      List<Map<String, Object>> groups = new ArrayList<>();
      counts.forEach(
          (status, n) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("value", status.name());
            g.put("count", n);
            groups.add(g);
          });
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("count", total);
      doc.put("groups", groups);
      out.println(JsonValues.write(doc));
      return;
    }
    counts.forEach((status, n) -> out.printf("%-17s %d%n", status.name(), n));
    out.printf("%-17s %d%n", "TOTAL", total);
  }
}
