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
      Optional<BenchOptions> warmUp = workload.warmUp(options);
      if (warmUp.isPresent()) {
        out.println("  warming up on a separate store (a tenth of the size) ...");
        Path warmDir = Files.createDirectory(dir.resolve("warm-up"));
        StoreLocation warmStore =
            postgres == null
                ? StoreLocation.sqlite(warmDir.resolve("weft.db"))
                : StoreLocation.parse(postgres.createDatabase(WARM_UP_DATABASE));
        workload.run(
            new BenchEnvironment(warmDir, warmStore, PrintStreams.NULL, nodes, cleanup),
            warmUp.get());
        if (postgres != null) {
          postgres.dropDatabase(WARM_UP_DATABASE);
        }
        TempDir.delete(warmDir);
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
          workload.run(new BenchEnvironment(runDir, runStore, out, nodes, cleanup), options);
      double wall = figures.wallSeconds().orElse((System.nanoTime() - start) / 1e9);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("workload", workload.name());
      json.put("store", store.id());
      json.put("wall_s", Math.round(wall * 1000) / 1000.0);
      json.put("warmed_up", warmUp.isPresent());
      json.putAll(figures.values());
      figures.values().forEach((k, v) -> out.println("  " + k + " = " + v));
      out.println(new ObjectMapper().writeValueAsString(json));
      return json;
    }
  }
}
