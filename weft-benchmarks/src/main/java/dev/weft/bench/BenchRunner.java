package dev.weft.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one workload against a fresh store in a temporary directory, prints a short human summary,
 * and as its last line one JSON object with {@code workload}, {@code store}, {@code wall_s} and the
 * workload's figures.
 */
public final class BenchRunner {
  private BenchRunner() {}

  /**
   * Runs a workload.
   *
   * @return the JSON object printed last
   * @throws IllegalArgumentException for an unknown workload or store, naming the known ones
   */
  public static Map<String, Object> run(String workloadName, BenchOptions options, PrintStream out)
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
    if (!options.store().equals("sqlite")) {
      throw new IllegalArgumentException(
          "store '"
              + options.store()
              + "' is not available yet; stores: sqlite (postgres comes with the PostgreSQL store)");
    }
    out.println("weft bench " + workload.name() + " on " + options.store());
    out.println("  " + workload.description());
    Optional<BenchOptions> warmUp = workload.warmUp(options);
    if (warmUp.isPresent()) {
      Path warmDir = Files.createTempDirectory("weft-bench-warmup-");
      try {
        out.println("  warming up on a separate store (a tenth of the size) ...");
        workload.run(
            new BenchEnvironment(warmDir, options.store(), PrintStreams.NULL), warmUp.get());
      } finally {
        deleteQuietly(warmDir);
      }
    }
    Path dir = Files.createTempDirectory("weft-bench-");
    try {
      out.println("  measuring on a fresh store in " + dir);
      long start = System.nanoTime();
      Figures figures = workload.run(new BenchEnvironment(dir, options.store(), out), options);
      double wall = (System.nanoTime() - start) / 1e9;
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("workload", workload.name());
      json.put("store", options.store());
      json.put("wall_s", Math.round(wall * 1000) / 1000.0);
      json.put("warmed_up", warmUp.isPresent());
      json.putAll(figures.values());
      figures.values().forEach((k, v) -> out.println("  " + k + " = " + v));
      out.println(new ObjectMapper().writeValueAsString(json));
      return json;
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
