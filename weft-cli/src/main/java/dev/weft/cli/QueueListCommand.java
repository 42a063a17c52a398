package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft queue list}: every known task queue with its backlog, oldest task age, pause and
 * poller count, one line each (or the API's JSON).
 */
@Command(
    name = "list",
    description =
        "Lists the task queues (registered or polled by a worker, or holding tasks): backlog,"
            + " oldest task age, pause, pollers seen by the answering node.")
final class QueueListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  private final PrintStream out;
  private final PrintStream err;

  QueueListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode list =
              http.get(
                  "/api/v1/namespaces/"
                      + URLEncoder.encode(namespace, StandardCharsets.UTF_8).replace("+", "%20")
                      + "/task-queues");
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(list));
            return 0;
          }
          String row = "%-32s %-8s %10s %10s %-16s %7s%n";
          out.printf(
              row, "TASK QUEUE", "PAUSED", "WORKFLOW", "ACTIVITY", "OLDEST TASK AGE", "POLLERS");
          for (JsonNode q : list.path("taskQueues")) {
            JsonNode backlog = q.path("backlog");
            out.printf(
                row,
                q.path("taskQueue").asText(),
                q.path("paused").asBoolean() ? "yes" : "no",
                backlog.path("workflowTasks").asLong(),
                backlog.path("activityTasks").asLong(),
                backlog.path("oldestTaskAge").asText(),
                q.path("pollers").size());
          }
          return 0;
        });
  }
}
