package dev.weft.cli;

import dev.weft.client.AttentionPage;
import dev.weft.client.AttentionReason;
import dev.weft.client.RunNeedingAttention;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code weft workflow attention}: one page of the running runs that need attention (failing
 * workflow task, retrying or stalled activities, stalled workflow task), newest first, one line per
 * run under a header (workflow ID, run ID, type, start, why). When more follow, standard error says
 * which {@code --page-token} gets them; when none need attention, standard error says so.
 */
@Command(
    name = "attention",
    description = {
      "Lists the running runs that need attention, newest first: a failing workflow task (e.g."
          + " non-determinism), activities retrying after a failure, tasks no worker takes.",
      "Example: weft workflow attention --page-size 20"
    })
final class WorkflowAttentionCommand implements Callable<Integer> {
  private static final List<String> HEADER =
      List.of("WORKFLOW ID", "RUN ID", "TYPE", "START", "WHY");

  @Mixin private ClientOptions store;

  @Mixin private PagingOptions paging;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowAttentionCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return store.run(
        err,
        client -> {
          AttentionPage page = client.listRunsNeedingAttention(paging.size(100), paging.token());
          if (store.output() == OutputFormat.json) {
            out.println(JsonValues.write(page));
            return 0;
          }
          if (page.runs().isEmpty()) {
            err.println(
                page.nextPageToken() == null
                    ? "no run needs attention"
                    : "none on this page: repeat with --page-token " + page.nextPageToken());
            return 0;
          }
          List<List<String>> rows = new ArrayList<>();
          rows.add(HEADER);
          for (RunNeedingAttention run : page.runs()) {
            rows.add(
                List.of(
                    run.workflowId(),
                    run.runId(),
                    run.workflowType(),
                    String.valueOf(run.startTime()),
                    run.reasons().stream()
                        .map(WorkflowAttentionCommand::why)
                        .collect(Collectors.joining("; "))));
          }
          printAligned(rows);
          if (page.nextPageToken() != null) {
            err.println("more runs: repeat with --page-token " + page.nextPageToken());
          }
          return 0;
        });
  }

  /** For example {@code ACTIVITY_RETRYING Charge (seq 1) attempt 3: card declined}. */
  static String why(AttentionReason r) {
    StringBuilder why = new StringBuilder(r.kind().name());
    if (r.isActivity()) {
      why.append(' ').append(r.activityType()).append(" (seq ").append(r.activitySeq()).append(')');
    }
    why.append(" attempt ").append(r.attempt());
    if (r.message() != null) {
      why.append(": ").append(r.message());
    }
    return why.toString();
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
        String cell = row.get(i);
        line.append(i == row.size() - 1 ? cell : cell + " ".repeat(widths[i] + 2 - cell.length()));
      }
      out.println(line);
    }
  }
}
