package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code weft asset stale}: the stale assets, each with why. */
@Command(
    name = "stale",
    description =
        "Lists the stale assets with their reasons: a code version changed, an upstream has newer"
            + " data, an upstream is itself stale (with the root cause).")
final class AssetStaleCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  private final PrintStream out;
  private final PrintStream err;

  AssetStaleCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          JsonNode list = http.get(ns.base() + "/stale-assets");
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(list));
          } else {
            AssetFormat.summaries(out, list.path("assets"));
          }
          return 0;
        });
  }
}
