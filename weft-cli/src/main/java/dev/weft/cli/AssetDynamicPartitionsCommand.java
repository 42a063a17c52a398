package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft asset dynamic-partitions NAME [--add K,.. | --remove K,..]}: the keys of dynamic
 * partitions, by index (paged); or adds or removes keys.
 */
@Command(
    name = "dynamic-partitions",
    description =
        "Lists the keys of the dynamic partitions NAME with their indexes, a page at a time;"
            + " --add adds keys (a key it has keeps its index), --remove removes keys and their"
            + " status from every asset partitioned by NAME.")
final class AssetDynamicPartitionsCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;
  @Mixin private PagingOptions paging;

  @Parameters(index = "0", paramLabel = "NAME", description = "the dynamic partitions' name")
  private String name;

  @ArgGroup(exclusive = true)
  private Change change;

  static final class Change {
    @Option(names = "--add", paramLabel = "K", split = ",", description = "keys to add")
    List<String> add;

    @Option(names = "--remove", paramLabel = "K", split = ",", description = "keys to remove")
    List<String> remove;
  }

  private final PrintStream out;
  private final PrintStream err;

  AssetDynamicPartitionsCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String path = ns.base() + "/dynamic-partitions/" + AssetNamespace.encode(name);
    return api.run(
        err,
        http -> {
          JsonNode answer;
          if (change != null && change.add != null) {
            answer = http.post(path, Map.of("keys", change.add));
          } else if (change != null) {
            answer = http.post(path + "/remove", Map.of("keys", change.remove));
          } else {
            answer = http.get(path + "?" + paging.query(100));
          }
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(answer));
          } else if (answer.has("removed")) {
            answer.path("removed").forEach(k -> out.println("removed " + k.asText()));
          } else {
            keys(answer.has("added") ? answer.path("added") : answer.path("keys"));
            PagingOptions.printNext(out, answer);
          }
          return 0;
        });
  }

  private void keys(JsonNode keys) {
    out.printf("%-10s %s%n", "INDEX", "KEY");
    for (JsonNode k : keys) {
      out.printf("%-10d %s%n", k.path("index").asLong(), k.path("key").asText());
    }
  }
}
