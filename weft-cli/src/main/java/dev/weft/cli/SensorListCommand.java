package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft sensor list}: the sensors of a namespace, one line each (name, status, cursor,
 * interval, next evaluation, last error), or the API's JSON.
 */
@Command(
    name = "list",
    description = "Lists the sensors of a namespace: status, cursor, interval, next evaluation.")
final class SensorListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  private final PrintStream out;
  private final PrintStream err;

  SensorListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode list =
              http.get("/api/v1/namespaces/" + QueueTarget.encode(namespace) + "/sensors");
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(list));
            return 0;
          }
          String row = "%-24s %-8s %-20s %-10s %-26s %s%n";
          out.printf(
              row, "SENSOR", "STATUS", "CURSOR", "INTERVAL", "NEXT EVALUATION", "LAST ERROR");
          for (JsonNode s : list.path("sensors")) {
            out.printf(
                row,
                s.path("name").asText(),
                s.path("status").asText(),
                s.path("cursor").asText("-"),
                s.path("minimumInterval").asText(),
                s.path("nextEvaluationAt").asText("-"),
                s.path("lastError").asText("-"));
          }
          return 0;
        });
  }
}
