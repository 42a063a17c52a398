package dev.weft.bench;

import dev.weft.cli.StoreKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft bench WORKLOAD}: runs one benchmark workload against a fresh, durable store in a
 * temporary directory; prints a summary and, as its last line, one JSON object. The cluster
 * workload's nodes are child JVMs running this jar's hidden {@code bench-node} subcommand.
 *
 * <p>{@code --store} names a {@link StoreKind} ({@code sqlite} or {@code postgres}), not a store
 * location: every run makes a fresh store of that kind in its temporary directory, so that runs are
 * comparable and never touch a user's data.
 */
@Command(
    name = BenchCommand.NAME,
    description = {
      "Runs one benchmark workload against a fresh durable store in a temporary directory.",
      "Prints a short summary and, as its last line, one JSON object with the figures.",
      "",
      "--store postgres starts a PostgreSQL server from embedded binaries for the run (data in the"
          + " temporary directory, fsync and synchronous_commit on), stopped and deleted at the"
          + " end.",
      "cluster runs the sequential workload on P node processes (child JVMs) sharing one"
          + " PostgreSQL database; the bench process starts the workflows and awaits them. It is"
          + " measured once every node is ready and warmed up (rounds of the measured size until"
          + " the nodes spend at most 5%% of a round compiling, at most 25); the nodes stop with"
          + " the bench."
    },
    footer = {
      "",
      "Examples:",
      "  weft bench sequential --workflows 2000 --activities 10",
      "  weft bench sequential --store postgres",
      "  weft bench sequential --clients 64",
      "  weft bench cluster --store postgres --nodes 3 --workflows 2000 --activities 10",
      "  weft bench fairness --activities 100000 --workflows 500",
      "  weft bench api-start --clients 32",
      "  weft bench assets --store postgres",
      "  weft bench schedules --workflows 10000 --duration 180",
      "  weft bench sensors --workflows 1000 --interval 1"
    })
final class BenchCommand implements Callable<Integer> {
  static final String NAME = "bench";

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Parameters(
      index = "0",
      paramLabel = "WORKLOAD",
      description =
          "sequential, fanout, chain, start, timers, recovery, cluster, fairness, api-start,"
              + " remote-activities, assets, automation, partitions, schedules or sensors")
  private String workload;

  @Option(
      names = "--store",
      paramLabel = "KIND",
      description = {
        "the kind of the fresh store each run makes: sqlite or postgres (default: sqlite;"
            + " postgres for cluster, which cannot run on a SQLite file: one process owns it)"
      })
  private String store;

  @Option(
      names = "--workflows",
      description =
          "number of workflows (sequential, start, timers, recovery, cluster), of quiet probes"
              + " (fairness), of schedules (schedules; default "
              + SchedulesWorkload.SCHEDULES
              + ") or of sensors (sensors; default "
              + SensorsWorkload.SENSORS
              + ")")
  private Integer workflows;

  @Option(
      names = "--activities",
      description =
          "activities per workflow (sequential, recovery, cluster), in parallel (fanout), the"
              + " noisy key's backlog (fairness), or assets in the graph (assets; default 1000)")
  private Integer activities;

  @Option(
      names = "--length",
      description =
          "number of dependent activities (chain), or layers of assets (assets; default 10)")
  private Integer length;

  @Option(names = "--max-delay", description = "longest timer in seconds (timers)")
  private Integer maxDelay;

  @Option(
      names = "--nodes",
      description =
          "number of node processes (cluster; default 2); each holds 6 of the embedded"
              + " PostgreSQL's 300 connections")
  private Integer nodes;

  @Option(
      names = "--clients",
      description =
          "number of concurrent HTTP callers (api-start; default "
              + ApiStartWorkload.CLIENTS
              + ") or of closed-loop clients, each awaiting its workflow before starting the next"
              + " (sequential, after the all-at-once run; default "
              + SequentialWorkload.CLIENTS
              + ")")
  private Integer clients;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description =
          "how long firings (schedules; default "
              + SchedulesWorkload.DURATION_SECONDS
              + ") or evaluations (sensors; default "
              + SensorsWorkload.DURATION_SECONDS
              + ") are measured")
  private Integer duration;

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      description =
          "each schedule fires every SECONDS instead of on its cron * * * * * (schedules), or each"
              + " sensor evaluates every SECONDS (sensors; default "
              + SensorsWorkload.INTERVAL_SECONDS
              + ")")
  private Integer interval;

  private final PrintStream out;
  private final PrintStream err;

  BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    try {
      StoreKind kind = store == null ? null : StoreKind.parse(store);
      BenchRunner.run(
          workload,
          new BenchOptions(
              kind, workflows, activities, length, maxDelay, nodes, clients, duration, interval),
          out,
          nodeLauncher());
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("weft bench: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("weft bench " + workload + " failed: " + e);
      return 1;
    }
  }

  /** Nodes run this jar (this class path) through the hidden subcommand of {@link WeftBench}. */
  private static NodeLauncher nodeLauncher() {
    return args -> {
      List<String> command = new ArrayList<>();
      command.add(BenchNodeCommand.NAME);
      command.addAll(args);
      return JavaCommand.forMainClass(WeftBench.class.getName(), command);
    };
  }
}
