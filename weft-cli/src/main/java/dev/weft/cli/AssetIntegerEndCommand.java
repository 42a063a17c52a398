package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft asset integer-end NAME [--advance N]}: the current end of the named growing integer
 * range ({@code IntegerRangePartitions.from(0).named(NAME)}), or advances it to a new head.
 */
@Command(
    name = "integer-end",
    description =
        "Prints the current end (exclusive: the chain head + 1) of the growing integer range NAME,"
            + " which the partitions of every asset partitioned by it reach; --advance N moves it"
            + " to N (never backwards).")
final class AssetIntegerEndCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "NAME", description = "the integer range's name")
  private String name;

  @Option(
      names = "--advance",
      paramLabel = "N",
      description = "the new exclusive end (the head + 1), at least the current one")
  private Long advance;

  private final PrintStream out;
  private final PrintStream err;

  AssetIntegerEndCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String path = ns.base() + "/integer-partitions/" + AssetNamespace.encode(name);
    return api.run(
        err,
        http -> {
          JsonNode answer =
              advance == null ? http.get(path) : http.put(path, Map.of("end", advance));
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(answer));
          } else if (answer.path("end").isNull()) {
            out.println(name + ": no end recorded (no partition yet)");
          } else {
            long end = answer.path("end").asLong();
            out.println(
                name
                    + ": end "
                    + end
                    + " (exclusive"
                    + (end > 0 ? "; last partition " + (end - 1) : "")
                    + "), updated "
                    + answer.path("updatedAt").asText());
          }
          return 0;
        });
  }
}
