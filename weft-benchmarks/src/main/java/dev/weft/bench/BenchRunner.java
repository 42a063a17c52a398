package dev.weft.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.StoreKind;
import dev.weft.cli.StoreLocation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs one workload against a fresh store in a temporary directory, prints a short human summary,
 * and as its last line one JSON object with {@code workload}, {@code store}, {@code wall_s} and the
 * workload's figures.
 *
 * <p>With {@code postgres}, the store is a database of a PostgreSQL server started for this run
 * from the embedded binaries, with its data in the temporary directory; the warm-up uses another
 * database of the same server, dropped before the measured run. The server, any child process and
 * the directory are removed at the end, also when the run fails or the JVM is stopped (Ctrl-C).
 */
public final class BenchRunner {
  private static final String WARM_UP_DATABASE = "weft_warmup";
  private static final String DATABASE = "weft";

  /** Warm-up rounds at most for a workload that warms up until its JIT settles. */
  static final int MAX_SETTLING_ROUNDS = 10;

  private BenchRunner() {}

  /**
   * Runs a workload; cluster nodes run {@link ClusterNode}'s main class.
   *
   * @return the JSON object printed last
   * @throws IllegalArgumentException for an unknown workload or store, or options the workload
   *     cannot run with, naming them
   */
  public static Map<String, Object> run(String workloadName, BenchOptions options, PrintStream out)
      throws Exception {
    return run(workloadName, options, out, NodeLauncher.mainClass());
  }

  /**
   * Runs a workload, starting cluster nodes with {@code nodes}.
   *
   * @return the JSON object printed last
   * @throws IllegalArgumentException for an unknown workload or store, or options the workload
   *     cannot run with, naming them
   */
  public static Map<String, Object> run(
      String workloadName, BenchOptions options, PrintStream out, NodeLauncher nodes)
      throws Exception {
    Workload workload =
        Workloads.find(workloadName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown workload '"
                            + workloadName
                            + "'; workloads: "
                            + Workloads.all().stream()
                                .map(Workload::name)
                                .collect(Collectors.joining(", "))));
    StoreKind store = options.store() != null ? options.store() : workload.defaultStore();
    if (!workload.readsDurationAndInterval()
        && (options.durationSeconds() != null || options.intervalSeconds() != null)) {
      throw new IllegalArgumentException(
          "--duration and --interval apply to the schedules and sensors workloads only, not to "
              + workload.name());
    }
    workload.validate(options, store);
    out.println("weft bench " + workload.name() + " on " + store);
    out.println("  " + workload.description());
    try (Cleanup cleanup = new Cleanup()) {
      Path dir = cleanup.add(TempDir.create("weft-bench-")).path();
      BenchPostgres postgres = null;
      if (store == StoreKind.POSTGRES) {
        out.println("  starting PostgreSQL in " + dir.resolve("postgres") + " ...");
        postgres = cleanup.add(BenchPostgres.start(dir.resolve("postgres")));
        out.println("  " + postgres.description());
      }
      Optional<ProcessTreeCpu> serverCpu =
          postgres == null ? Optional.empty() : Optional.of(postgres.cpu());
      Optional<BenchOptions> warmUp = workload.warmUp(options);
      int warmUpRounds = 0;
      if (warmUp.isPresent()) {
        warmUpRounds =
            warmUp(workload, warmUp.get(), dir, postgres, serverCpu, nodes, cleanup, out);
      }
      Path runDir = Files.createDirectory(dir.resolve("run"));
      StoreLocation runStore =
          postgres == null
              ? StoreLocation.sqlite(runDir.resolve("weft.db"))
              : StoreLocation.parse(postgres.createDatabase(DATABASE));
      out.println(
          "  measuring on a fresh "
              + (postgres == null ? "store" : "database")
              + " in "
              + (postgres == null ? runDir : dir.resolve("postgres")));
      long start = System.nanoTime();
      Figures figures =
          workload.run(
              new BenchEnvironment(runDir, runStore, out, nodes, cleanup, serverCpu), options);
      double wall = figures.wallSeconds().orElse((System.nanoTime() - start) / 1e9);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("workload", workload.name());
      json.put("store", store.id());
      json.put("wall_s", Math.round(wall * 1000) / 1000.0);
      json.put("warmed_up", warmUp.isPresent());
      if (workload.warmsUpUntilSettled()) {
        json.put("warm_up_rounds", warmUpRounds);
      }
      json.putAll(figures.values());
      figures.values().forEach((k, v) -> out.println("  " + k + " = " + v));
      out.println(new ObjectMapper().writeValueAsString(json));
      return json;
    }
  }

  /**
   * Runs the workload's warm-up on throwaway stores: once, or for a workload that {@linkplain
   * Workload#warmsUpUntilSettled warms up until settled}, round after round until this JVM's JIT
   * compilers spent at most {@link ClusterWorkload#SETTLED_JIT_SHARE} of a round compiling (at most
   * {@link #MAX_SETTLING_ROUNDS}). Returns the number of rounds.
   */
  private static int warmUp(
      Workload workload,
      BenchOptions warmUp,
      Path dir,
      BenchPostgres postgres,
      Optional<ProcessTreeCpu> serverCpu,
      NodeLauncher nodes,
      Cleanup cleanup,
      PrintStream out)
      throws Exception {
    boolean settle = workload.warmsUpUntilSettled();
    out.println(
        settle
            ? "  warming up on separate stores until the JIT settles ..."
            : "  warming up on a separate store (a tenth of the size) ...");
    int rounds = 0;
    while (true) {
      rounds++;
      long jitBefore = ClusterNode.compilationMillis();
      long start = System.nanoTime();
      Path warmDir = Files.createDirectory(dir.resolve("warm-up-" + rounds));
      StoreLocation warmStore =
          postgres == null
              ? StoreLocation.sqlite(warmDir.resolve("weft.db"))
              : StoreLocation.parse(postgres.createDatabase(WARM_UP_DATABASE));
      workload.run(
          new BenchEnvironment(warmDir, warmStore, PrintStreams.NULL, nodes, cleanup, serverCpu),
          warmUp);
      if (postgres != null) {
        postgres.dropDatabase(WARM_UP_DATABASE);
      }
      TempDir.delete(warmDir);
      if (!settle) {
        return rounds;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long jitAfter = ClusterNode.compilationMillis();
      double share = jitBefore < 0 || jitAfter < 0 ? 0 : (jitAfter - jitBefore) / 1000.0 / seconds;
      out.printf(
          "  warm-up round %d: %.1f s, compiling %.0f%% of the time%n",
          rounds, seconds, share * 100);
      if (share <= ClusterWorkload.SETTLED_JIT_SHARE || rounds >= MAX_SETTLING_ROUNDS) {
        return rounds;
      }
    }
  }
}
