package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code weft node list}: every engine node of the store, live or dead for less than a day, one
 * line each (or the API's JSON).
 */
@Command(
    name = "list",
    description =
        "Lists the engine nodes of the store: node ID, live or not, host, process ID, version, last"
            + " heartbeat, task queues.")
final class NodeListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  private final PrintStream out;
  private final PrintStream err;

  NodeListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode list = http.get("/api/v1/nodes");
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(list));
            return 0;
          }
          String row = "%-24s %-5s %-24s %8s %-16s %-24s %s%n";
          out.printf(
              row, "NODE", "LIVE", "HOST", "PID", "VERSION", "LAST HEARTBEAT", "TASK QUEUES");
          for (JsonNode n : list.path("nodes")) {
            List<String> queues = new ArrayList<>();
            n.path("taskQueues").forEach(q -> queues.add(q.asText()));
            out.printf(
                row,
                n.path("nodeId").asText(),
                n.path("live").asBoolean() ? "yes" : "no",
                n.path("host").asText(),
                n.path("processId").asLong(),
                n.path("version").asText(),
                n.path("lastHeartbeat").asText(),
                String.join(",", queues));
          }
          return 0;
        });
  }
}
