package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code weft bench} through the command line: the cluster's nodes run this code base through the
 * hidden {@code bench-node} subcommand; options it cannot run with are refused before anything
 * starts. The workloads themselves are covered by the benchmarks' own smoke test.
 */
class BenchCommandTest {

  @Test
  void clusterRunsItsNodesThroughTheHiddenSubcommand() throws Exception {
    CliRun r =
        CliRun.ok("bench", "cluster", "--nodes", "2", "--workflows", "4", "--activities", "1");

    List<String> lines = r.lines();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = new ObjectMapper().readValue(lines.get(lines.size() - 1), Map.class);
    assertThat(json)
        .containsEntry("workload", "cluster")
        .containsEntry("store", "postgres")
        .containsEntry("nodes", 2)
        .containsEntry("steps", 4)
        .containsKeys("wall_s", "steps_per_s", "workflow_p50_ms", "workflow_p99_ms");
  }

  @Test
  void clusterOnSqliteIsRefused() {
    CliRun r = run("bench", "cluster", "--store", "sqlite", "--nodes", "2");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "weft bench: the cluster workload needs --store postgres: a sqlite store is owned by"
                + " one process, so several nodes cannot share it\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badNodeCountsAndMisplacedNodesAreRefused() {
    assertThat(run("bench", "cluster", "--nodes", "0").err())
        .contains("--nodes must be >= 1, was 0");
    assertThat(run("bench", "cluster", "--nodes", "500").err()).contains("--nodes must be at most");
    CliRun sequential = run("bench", "sequential", "--nodes", "2");
    assertThat(sequential.exit()).isEqualTo(2);
    assertThat(sequential.err()).contains("--nodes applies to the cluster workload only");
  }

  @Test
  void anUnknownStoreIsNamed() {
    CliRun r = run("bench", "sequential", "--store", "mysql");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'mysql'").contains("sqlite, postgres");
  }
}
