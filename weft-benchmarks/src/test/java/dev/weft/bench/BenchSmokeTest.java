package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.cli.StoreKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workload runs once at a tiny size and prints its JSON line with the figures it promises;
 * {@code sequential} also on PostgreSQL, and {@code cluster} on two node processes. Benchmarks are
 * not timed tests: no figure is checked against a target here.
 */
class BenchSmokeTest {
  private static final List<String> SEQUENTIAL_FIGURES =
      List.of(
          "steps",
          "steps_per_s",
          "workflow_p50_ms",
          "workflow_p99_ms",
          "cpu_ms_per_step",
          "clients",
          "steps_per_s_clients",
          "workflow_p50_ms_clients",
          "workflow_p99_ms_clients",
          "cpu_ms_per_step_clients");

  static Stream<Arguments> workloads() {
    return Stream.of(
        Arguments.of("sequential", new BenchOptions(null, 20, 3, null, null), SEQUENTIAL_FIGURES),
        Arguments.of(
            "sequential", new BenchOptions(null, 20, 3, null, null, null, 4), SEQUENTIAL_FIGURES),
        Arguments.of(
            "fanout", new BenchOptions(null, null, 50, null, null), List.of("steps_per_s")),
        Arguments.of(
            "chain",
            new BenchOptions(null, null, null, 20, null),
            List.of("hop_p50_ms", "hop_p99_ms")),
        Arguments.of(
            "start",
            new BenchOptions(null, 20, null, null, null),
            List.of("start_p50_ms", "start_p99_ms")),
        Arguments.of(
            "timers",
            new BenchOptions(null, 50, null, null, 1),
            List.of("late_p50_ms", "late_p99_ms", "heap_peak_mb")),
        Arguments.of(
            "recovery",
            new BenchOptions(null, 10, 5, null, null),
            List.of("resume_ms", "lost", "duplicated")),
        Arguments.of(
            "sequential",
            new BenchOptions(StoreKind.POSTGRES, 20, 3, null, null, null, 4),
            SEQUENTIAL_FIGURES),
        Arguments.of(
            "fairness",
            new BenchOptions(null, 20, 5_000, null, null),
            List.of("quiet_wait_p50_ms", "quiet_wait_p99_ms", "noisy_queued_at_start")),
        Arguments.of(
            "fairness",
            new BenchOptions(StoreKind.POSTGRES, 20, 5_000, null, null),
            List.of("quiet_wait_p50_ms", "quiet_wait_p99_ms", "noisy_queued_at_start")),
        Arguments.of(
            "api-start",
            new BenchOptions(null, 30, null, null, null, null, 3),
            List.of("starts_per_s", "start_p50_ms", "start_p99_ms", "completed_per_s")),
        Arguments.of(
            "remote-activities",
            new BenchOptions(null, 5, 4, null, null),
            List.of(
                "in_process_activities_per_s",
                "remote_activities_per_s",
                "remote_over_in_process",
                "remote_batch_activities_per_s",
                "remote_batch_over_in_process")),
        Arguments.of(
            "assets",
            new BenchOptions(null, null, 40, 4, null),
            List.of("assets", "assets_per_s", "status_p50_ms", "status_max_ms", "workflow_tasks")),
        Arguments.of(
            "assets",
            new BenchOptions(StoreKind.POSTGRES, null, 40, 4, null),
            List.of("assets", "assets_per_s", "status_p50_ms", "status_max_ms", "workflow_tasks")),
        Arguments.of(
            "automation",
            new BenchOptions(null, 5, null, null, null),
            List.of(
                "materializations",
                "start_p50_ms",
                "start_p99_ms",
                "start_max_ms",
                "heap_used_mb")),
        Arguments.of(
            "partitions",
            new BenchOptions(null, 20_000, 2_000, 1_000, null),
            List.of(
                "partitions",
                "counts_p50_ms",
                "bar_1000_p50_ms",
                "invalidate_1000_cascade_p50_ms",
                "invalidate_stale_partitions",
                "noop_partitions_per_s",
                "heap_used_mb")),
        Arguments.of(
            "schedules",
            new BenchOptions(null, 5, null, null, null, null, null, 3, 1),
            List.of(
                "schedules",
                "fire_times",
                "expected_firings",
                "firings",
                "late_p50_ms",
                "late_p99_ms",
                "late_max_ms",
                "cpu_ms_per_firing",
                "heap_used_mb")),
        Arguments.of(
            "sensors",
            new BenchOptions(null, 5, null, null, null, null, null, 3, 1),
            List.of(
                "sensors",
                "evaluations",
                "requests",
                "late_p50_ms",
                "late_p99_ms",
                "late_max_ms",
                "cpu_ms_per_evaluation",
                "heap_used_mb")),
        Arguments.of(
            "cluster",
            new BenchOptions(StoreKind.POSTGRES, 10, 2, null, null, 2),
            List.of(
                "nodes",
                "steps",
                "steps_per_s",
                "workflow_p50_ms",
                "workflow_p99_ms",
                "node_activities",
                "warmup_rounds",
                "node_jit_share")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("workloads")
  void printsItsFiguresAsTheLastLine(String workload, BenchOptions options, List<String> figures)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BenchRunner.run(workload, options, new PrintStream(out, true, StandardCharsets.UTF_8));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = new ObjectMapper().readValue(lines.get(lines.size() - 1), Map.class);
    assertThat(json)
        .containsKeys("workload", "store", "wall_s")
        .containsEntry("workload", workload)
        .containsEntry("store", options.store() == null ? "sqlite" : options.store().id());
    assertThat(json).containsKeys(figures.toArray(String[]::new));
    if (workload.equals("recovery")) {
      assertThat(json).containsEntry("lost", 0).containsEntry("duplicated", 0);
    }
    if (workload.equals("sequential")) {
      assertThat(json)
          .containsEntry("steps", 60)
          .containsEntry(
              "clients",
              options.clients() == null ? SequentialWorkload.CLIENTS : options.clients());
      for (String figure :
          List.of(
              "steps_per_s", "cpu_ms_per_step", "steps_per_s_clients", "cpu_ms_per_step_clients")) {
        assertThat(((Number) json.get(figure)).doubleValue()).as(figure).isPositive();
      }
      if (options.store() == StoreKind.POSTGRES) {
        // the server's processes, in clock ticks of 10 ms: a tiny run may round to zero
        for (String figure : List.of("server_cpu_ms_per_step", "server_cpu_ms_per_step_clients")) {
          assertThat(((Number) json.get(figure)).doubleValue()).as(figure).isNotNegative();
        }
      } else {
        assertThat(json).doesNotContainKeys("server_cpu_ms_per_step");
      }
    }
    if (workload.equals("schedules")) {
      // 5 schedules every second over 3 seconds: each fire time fires every schedule once
      assertThat(json).containsEntry("schedules", 5).containsEntry("fire_times", 3);
      assertThat(((Number) json.get("firings")).longValue())
          .isEqualTo(((Number) json.get("expected_firings")).longValue());
    }
    if (workload.equals("sensors")) {
      assertThat(json).containsEntry("sensors", 5);
      assertThat(((Number) json.get("evaluations")).longValue()).isPositive();
    }
    if (workload.equals("cluster")) {
      assertThat(json).containsEntry("nodes", 2).containsEntry("steps", 20);
      assertThat((List<?>) json.get("node_activities")).hasSize(2);
      assertThat((Integer) json.get("warmup_rounds"))
          .isBetween(1, ClusterWorkload.MAX_WARMUP_ROUNDS);
    }
  }

  @Test
  void theClusterNeedsPostgresAndASensibleNumberOfNodes() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                BenchRunner.run(
                    "cluster", new BenchOptions(StoreKind.SQLITE, 4, 1, null, null, 2), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs --store postgres")
        .hasMessageContaining("owned by one process");
    assertThatThrownBy(() -> new BenchOptions(StoreKind.POSTGRES, 4, 1, null, null, 0))
        .hasMessageContaining("--nodes must be >= 1, was 0");
    assertThatThrownBy(
            () -> BenchRunner.run("cluster", new BenchOptions(null, 4, 1, null, null, 1000), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--nodes must be at most")
        .hasMessageContaining("was 1000");
    assertThatThrownBy(
            () -> BenchRunner.run("sequential", new BenchOptions(null, 4, 1, null, null, 2), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--nodes applies to the cluster workload only");
  }

  @Test
  void clientsApplyToApiStartAndSequentialOnlyAndMustBePositive() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                BenchRunner.run("chain", new BenchOptions(null, null, null, 4, null, null, 8), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "--clients applies to the api-start and sequential workloads only, not to chain");
    assertThatThrownBy(() -> new BenchOptions(null, 4, null, null, null, null, 0))
        .hasMessageContaining("--clients must be >= 1, was 0");
  }

  @Test
  void unknownWorkloadsAreNamed() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> BenchRunner.run("sequentail", new BenchOptions(null, 1, 1, null, null), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sequentail'")
        .hasMessageContaining("sequential, fanout, chain, start, timers, recovery");
    assertThatThrownBy(() -> new BenchOptions(null, 0, null, null, null))
        .hasMessageContaining("--workflows must be >= 1, was 0");
  }
}
