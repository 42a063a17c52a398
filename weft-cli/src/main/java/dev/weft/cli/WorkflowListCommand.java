package dev.weft.cli;

import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft workflow list}: one page of runs, one line per run under a header (workflow ID, run
 * ID, type, status, start, close), filtered and ordered by the list query language ({@link
 * WorkflowFilter}). When more runs follow, standard error says which {@code --page-token} gets
 * them; when none match, standard error says so and nothing is printed.
 */
@Command(
    name = "list",
    description = {
      "Lists runs, newest first unless the query orders them, one line per run.",
      "Example: --query \"WorkflowType = 'Order' AND Status = 'Running' ORDER BY StartTime DESC\""
    })
final class WorkflowListCommand implements Callable<Integer> {
  private static final List<String> HEADER =
      List.of("WORKFLOW ID", "RUN ID", "TYPE", "STATUS", "START", "CLOSE");

  @Mixin private ClientOptions store;

  @Option(
      names = "--query",
      paramLabel = "QUERY",
      description = "a filter and order in the list query language (see WorkflowFilter)")
  private String query;

  @Mixin private PagingOptions paging;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return store.run(
        err,
        client -> {
          WorkflowPage page =
              client.listWorkflows(
                  WorkflowFilter.query(query)
                      .withPageSize(paging.size(100))
                      .pageToken(paging.token()));
          if (store.output() == OutputFormat.json) {
            out.println(JsonValues.write(page));
            return 0;
          }
          if (page.workflows().isEmpty()) {
            err.println("no runs");
            return 0;
          }
          List<List<String>> rows = new ArrayList<>();
          rows.add(HEADER);
          for (WorkflowSummary run : page.workflows()) {
            rows.add(
                List.of(
                    run.workflowId(),
                    run.runId(),
                    run.workflowType(),
                    run.isPaused() ? run.status().name() + "(paused)" : run.status().name(),
                    String.valueOf(run.startTime()),
                    run.closeTime() == null ? "-" : run.closeTime().toString()));
          }
          printAligned(rows);
          if (page.nextPageToken() != null) {
            err.println("more runs: repeat with --page-token " + page.nextPageToken());
          }
          return 0;
        });
  }

  private void printAligned(List<List<String>> rows) {
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
      }
      out.println(line);
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
