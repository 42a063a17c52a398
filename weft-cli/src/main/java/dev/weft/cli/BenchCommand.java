package dev.weft.cli;

import dev.weft.bench.BenchOptions;
import dev.weft.bench.BenchRunner;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft bench WORKLOAD}: runs one benchmark workload against a fresh, durable store in a
 * temporary directory; prints a summary and, as its last line, one JSON object.
 */
@Command(
    name = "bench",
    description = {
      "Runs one benchmark workload against a fresh durable store in a temporary directory.",
      "Prints a short summary and, as its last line, one JSON object with the figures."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Parameters(
      index = "0",
      paramLabel = "WORKLOAD",
      description = "sequential, fanout, chain, start, timers or recovery")
  private String workload;

  @Option(names = "--store", description = "sqlite (default) or postgres")
  private String store;

  @Option(
      names = "--workflows",
      description = "number of workflows (sequential, start, timers, recovery)")
  private Integer workflows;

  @Option(names = "--activities", description = "activities per workflow, or in parallel (fanout)")
  private Integer activities;

  @Option(names = "--length", description = "number of dependent activities (chain)")
  private Integer length;

  @Option(names = "--max-delay", description = "longest timer in seconds (timers)")
  private Integer maxDelay;

  private final PrintStream out;
  private final PrintStream err;

  BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    try {
      BenchRunner.run(
          workload, new BenchOptions(store, workflows, activities, length, maxDelay), out);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("weft bench: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("weft bench " + workload + " failed: " + e);
      return 1;
    }
  }
}
