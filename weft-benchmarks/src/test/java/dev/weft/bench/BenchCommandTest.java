package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code weft bench} through the bench jar's command line ({@link WeftBench}), in-process: the
 * cluster's nodes run this code base through the hidden {@code bench-node} subcommand; options it
 * cannot run with are refused before anything starts. The workloads themselves are covered by
 * {@link BenchSmokeTest}.
 */
class BenchCommandTest {

  /** One in-process run: exit code, standard output and standard error. */
  private record Run(int exit, String out, String err) {
    static Run of(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit =
          WeftBench.commandLine(
                  new ByteArrayInputStream(new byte[0]),
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8))
              .execute(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void clusterRunsItsNodesThroughTheHiddenSubcommand() throws Exception {
    Run r = Run.of("bench", "cluster", "--nodes", "2", "--workflows", "4", "--activities", "1");

    assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isZero();
    List<String> lines = r.out().lines().toList();
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
    Run r = Run.of("bench", "cluster", "--store", "sqlite", "--nodes", "2");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "weft bench: the cluster workload needs --store postgres: a sqlite store is owned by"
                + " one process, so several nodes cannot share it\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badNodeCountsAndMisplacedNodesAreRefused() {
    assertThat(Run.of("bench", "cluster", "--nodes", "0").err())
        .contains("--nodes must be >= 1, was 0");
    assertThat(Run.of("bench", "cluster", "--nodes", "500").err())
        .contains("--nodes must be at most");
    Run sequential = Run.of("bench", "sequential", "--nodes", "2");
    assertThat(sequential.exit()).isEqualTo(2);
    assertThat(sequential.err()).contains("--nodes applies to the cluster workload only");
  }

  @Test
  void durationAndIntervalAreTheTriggerWorkloadsOptions() {
    Run chain = Run.of("bench", "chain", "--duration", "3");
    assertThat(chain.exit()).isEqualTo(2);
    assertThat(chain.err())
        .contains("--duration and --interval apply to the schedules and sensors workloads only");
    assertThat(Run.of("bench", "sensors", "--interval", "0").err())
        .contains("--interval must be >= 1, was 0");
    assertThat(Run.of("bench", "--help").out())
        .contains("--duration=SECONDS")
        .contains("--interval=SECONDS");
  }

  @Test
  void anUnknownStoreKindIsNamed() {
    Run r = Run.of("bench", "sequential", "--store", "mysql");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("weft bench: unknown store kind 'mysql': expected one of sqlite, postgres\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aStoreLocationIsNotAKindAndItsPasswordIsNotShown() {
    Run r = Run.of("bench", "sequential", "--store", "postgres://weft:secret@db:5432/weft");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("weft bench: unknown store kind 'postgres://weft:***@db:5432/weft'")
        .contains("expected one of sqlite, postgres")
        .contains("not the location of one")
        .doesNotContain("secret");
  }

  @Test
  void theKindIsReadInAnyCase() {
    Run r = Run.of("bench", "cluster", "--store", "SQLite", "--nodes", "2");

    // read as sqlite, then refused by the cluster workload: the kind was understood
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("a sqlite store is owned by one process");
  }

  @Test
  void theBenchJarListsTheRealBenchAndHidesItsNodeCommand() {
    Run help = Run.of("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("Usage: weft")
        .contains("bench")
        .contains("Runs one benchmark workload")
        .contains("demo")
        .contains("workflow")
        .doesNotContain("bench-node")
        .doesNotContain("not in this jar");

    Run benchHelp = Run.of("bench", "--help");
    assertThat(benchHelp.exit()).isZero();
    assertThat(benchHelp.out())
        .contains("Usage: weft bench")
        .containsPattern("--store=KIND +the kind of the fresh store each run makes")
        .contains("fairness")
        .contains("--clients=<clients>")
        .doesNotContain("Could not format");
  }
}
