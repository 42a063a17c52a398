package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft hook describe NAME}: a webhook's definition (the secret's variable, never the secret)
 * and its recent deliveries, newest first, or the API's JSON.
 */
@Command(
    name = "describe",
    description = "Shows a webhook: its action, secret's variable and recent deliveries.")
final class HookDescribeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  @Parameters(index = "0", paramLabel = "NAME", description = "the hook's name")
  private String name;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  private final PrintStream out;
  private final PrintStream err;

  HookDescribeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode hook =
              http.get(
                  "/api/v1/namespaces/"
                      + QueueTarget.encode(namespace)
                      + "/hooks/"
                      + QueueTarget.encode(name));
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(hook));
            return 0;
          }
          out.printf("Hook:            %s%n", hook.path("name").asText());
          out.printf("Namespace:       %s%n", hook.path("namespace").asText());
          out.printf("Defined by:      %s%n", hook.path("source").asText());
          out.printf("Secret variable: %s%n", hook.path("secretEnv").asText());
          out.printf("Action:          %s%n", hook.path("action"));
          out.printf("Updated:         %s%n", hook.path("updatedAt").asText());
          out.println();
          String row = "%-52s %-12s %-26s %s%n";
          out.printf(row, "DELIVERY", "STATUS", "STARTED", "CLOSED");
          for (JsonNode d : hook.path("recentDeliveries")) {
            out.printf(
                row,
                d.path("deliveryId").asText(),
                d.path("status").asText(),
                d.path("startTime").asText(),
                d.path("closeTime").asText("-"));
          }
          return 0;
        });
  }
}
