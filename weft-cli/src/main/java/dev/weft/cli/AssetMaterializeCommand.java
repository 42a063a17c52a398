package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft asset materialize SELECTION [--wait | --dry-run]}: starts a materialization (a
 * workflow) and, with {@code --wait}, awaits it and prints each asset's outcome; {@code --dry-run}
 * prints the canonical selection and the assets it selects in dependency order, starting nothing.
 * The server refuses a selection holding partitioned assets (they are backfilled by partitions).
 */
@Command(
    name = "materialize",
    description = {
      "Materializes a selection of assets: KEY, +KEY (and its upstream), KEY+ (and its"
          + " downstream), +KEY+, group:NAME, tag:NAME[=VALUE], * (all), unions separated by"
          + " commas or spaces. It runs as a workflow (its ID is printed; 'weft workflow"
          + " describe' follows it); --wait awaits it and prints each asset's outcome, exiting 1"
          + " unless every asset materialized and no blocking check failed; --dry-run prints"
          + " the assets the selection selects, in dependency order, and starts nothing."
          + " A selection holding partitioned assets ('*' and groups too) is refused, naming"
          + " them: backfill their partitions ('weft backfill launch')."
    })
final class AssetMaterializeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "SELECTION", description = "the assets to materialize")
  private String selection;

  @Option(names = "--wait", description = "await the materialization and print each outcome")
  private boolean await;

  @Option(
      names = "--dry-run",
      description = "print the selected assets in dependency order; start nothing")
  private boolean dryRun;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT1H",
      description = "with --wait: the longest wait, ISO-8601 (default: ${DEFAULT-VALUE})")
  private Duration timeout;

  private final PrintStream out;
  private final PrintStream err;

  AssetMaterializeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (dryRun && await) {
      err.println("weft: --dry-run starts nothing, so there is nothing to --wait for");
      return 2;
    }
    return api.run(
        err,
        http -> {
          if (dryRun) {
            return preview(http);
          }
          JsonNode started =
              http.post(ns.base() + "/asset-materializations", Map.of("selection", selection));
          if (!await) {
            if (api.output == OutputFormat.json) {
              out.println(ApiHttp.pretty(started));
            } else {
              out.println("workflow " + started.path("workflowId").asText());
              out.println("run      " + started.path("runId").asText());
              out.println("assets   " + AssetFormat.texts(started.path("assetKeys")));
            }
            return 0;
          }
          String workflowId = started.path("workflowId").asText();
          JsonNode outcome = awaitOutcome(http, workflowId);
          if (outcome == null) {
            err.println("weft: materialization " + workflowId + " still runs after " + timeout);
            return 1;
          }
          return print(workflowId, outcome);
        });
  }

  private int preview(ApiHttp http) throws ApiHttp.Refused {
    JsonNode plan =
        http.get(ns.base() + "/asset-selection?selection=" + AssetNamespace.encode(selection));
    if (api.output == OutputFormat.json) {
      out.println(ApiHttp.pretty(plan));
    } else {
      out.println("selection " + plan.path("selection").asText());
      out.println("would materialize, in order:");
      plan.path("assetKeys").forEach(k -> out.println("  " + k.asText()));
    }
    return 0;
  }

  private JsonNode awaitOutcome(ApiHttp http, String workflowId) throws ApiHttp.Refused {
    Instant until = Instant.now().plus(timeout);
    String path = ns.workflow(workflowId) + "/result?wait=PT20S";
    while (true) {
      JsonNode answer = http.get(path);
      if (!"RUNNING".equals(answer.path("status").asText())) {
        return answer;
      }
      if (Instant.now().isAfter(until)) {
        return null;
      }
    }
  }

  private int print(String workflowId, JsonNode outcome) {
    if (!"COMPLETED".equals(outcome.path("status").asText())) {
      if (api.output == OutputFormat.json) {
        out.println(ApiHttp.pretty(outcome));
      }
      err.println(
          "weft: materialization "
              + workflowId
              + " ended "
              + outcome.path("status").asText()
              + ": "
              + outcome.path("failure").path("message").asText());
      return 1;
    }
    boolean ok = true;
    JsonNode steps = outcome.path("result").path("steps");
    if (api.output == OutputFormat.json) {
      out.println(ApiHttp.pretty(outcome));
    } else {
      out.println("workflow " + workflowId);
      String row = "%-40s %-13s %s%n";
      out.printf(row, "ASSET", "OUTCOME", "WHY");
      for (JsonNode step : steps) {
        for (JsonNode key : step.path("keys")) {
          out.printf(
              row,
              key.asText(),
              step.path("status").asText(),
              step.path("message").asText(blocking(step)));
        }
      }
    }
    for (JsonNode step : steps) {
      String status = step.path("status").asText();
      ok &=
          ("MATERIALIZED".equals(status) || "OBSERVED".equals(status))
              && step.path("failedBlockingChecks").isEmpty();
    }
    return ok ? 0 : 1;
  }

  private static String blocking(JsonNode step) {
    JsonNode failed = step.path("failedBlockingChecks");
    return failed.isEmpty() ? "-" : "blocking check(s) failed: " + AssetFormat.texts(failed);
  }
}
