package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft hook list}: the webhooks of a namespace, one line each (name, action, the secret's
 * variable, the app that defined it), or the API's JSON.
 */
@Command(
    name = "list",
    description = "Lists the webhooks of a namespace: action, secret's variable, defining app.")
final class HookListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  private final PrintStream out;
  private final PrintStream err;

  HookListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode list =
              http.get("/api/v1/namespaces/" + QueueTarget.encode(namespace) + "/hooks");
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(list));
            return 0;
          }
          String row = "%-24s %-12s %-28s %s%n";
          out.printf(row, "HOOK", "ACTION", "SECRET VARIABLE", "SOURCE");
          for (JsonNode h : list.path("hooks")) {
            out.printf(
                row,
                h.path("name").asText(),
                h.path("action").path("type").asText(),
                h.path("secretEnv").asText(),
                h.path("source").asText());
          }
          return 0;
        });
  }
}
