package dev.weft.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code weft batch start}: starts a batch operation and prints its job ID. */
@Command(
    name = "start",
    description =
        "Starts a batch operation over every run the query matches (newest first) and prints its"
            + " job ID; a query that does not parse starts nothing.")
final class BatchStartCommand implements Callable<Integer> {
  /** The operations, as {@code --type} takes them. */
  enum Type {
    cancel,
    terminate,
    signal,
    pause,
    resume
  }

  @Mixin private ApiOptions api;
  @Mixin private BatchNamespace batches;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      description = "cancel, terminate, signal, pause or resume")
  private Type type;

  @Option(
      names = {"-q", "--query"},
      required = true,
      paramLabel = "QUERY",
      description = "the list query choosing the runs (no ORDER BY)")
  private String query;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
  private String reason;

  @Option(names = "--signal", paramLabel = "NAME", description = "the signal, for --type signal")
  private String signal;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "JSON",
      description = "an argument of the signal as JSON (repeat for more)")
  private List<String> inputs = new ArrayList<>();

  @Option(
      names = "--rps",
      paramLabel = "N",
      description = "at most this many runs a second (default 50)")
  private Double rps;

  @Option(names = "--job-id", paramLabel = "ID", description = "the job ID (default: a UUID)")
  private String jobId;

  private final PrintStream out;
  private final PrintStream err;

  BatchStartCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Object[] args;
    try {
      args = JsonValues.parse("--input", inputs);
    } catch (IllegalArgumentException e) {
      err.println("weft: " + e.getMessage());
      return 2;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("operation", type.name().toUpperCase(java.util.Locale.ROOT));
    body.put("query", query);
    body.put("reason", reason);
    if (signal != null) {
      body.put("signalName", signal);
    }
    if (!inputs.isEmpty()) {
      body.put("signalArgs", Arrays.asList(args));
    }
    if (rps != null) {
      body.put("maxOperationsPerSecond", rps);
    }
    if (jobId != null) {
      body.put("jobId", jobId);
    }
    return api.run(
        err,
        http -> {
          String started = http.post(batches.path(), body).path("jobId").asText();
          if (api.output == OutputFormat.json) {
            out.println(JsonValues.write(Map.of("jobId", started)));
          } else {
            out.println("started batch operation " + started);
          }
          return 0;
        });
  }
}
