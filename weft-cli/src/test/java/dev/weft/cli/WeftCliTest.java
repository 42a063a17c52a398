package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code weft} command, run in-process. */
class WeftCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return WeftCli.commandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void demoRunsEveryExampleAndExitsZero() {
    int exit = run("demo");

    System.out.println(out());
    assertThat(exit).as("exit code; stderr: %s", err()).isZero();
    assertThat(out())
        .contains("workflow order-1001")
        .contains("-> run COMPLETED (tracking number trk-1001), saga step COMPLETED")
        .contains("workflow order-1002")
        .contains("-> run FAILED (no carrier serves Atlantis), saga step COMPENSATED")
        .contains("-> run COMPLETED, subscription COMPLETED")
        .contains("-> run COMPLETED, subscription UNSUBSCRIBED, no follow-up sent")
        .contains("-> run COMPLETED, request APPROVED by erin after escalation")
        .contains("-> 10,000 blocks in 10 runs")
        .contains("Demo finished.");
  }

  @Test
  void helpListsTheSubcommands() {
    assertThat(run("--help")).isZero();
    assertThat(out())
        .contains("Usage: weft")
        .contains("demo")
        .contains("server")
        .contains("bench")
        .contains("Not in this jar: run ./weft bench from a Weft checkout.")
        .contains("workflow")
        .contains("--version")
        .doesNotContain("bench-node");
  }

  @Test
  void benchSaysWhereTheBenchmarksAreAndFails() {
    for (List<String> args :
        List.of(
            List.of("bench"),
            List.of("bench", "sequential", "--workflows", "200", "--activities", "2"),
            List.of("bench", "cluster", "--store", "postgres", "--nodes", "2"),
            List.of("bench", "--help"))) {
      out.reset();
      err.reset();

      assertThat(run(args.toArray(String[]::new))).as("exit code of %s", args).isEqualTo(2);
      assertThat(err())
          .as("stderr of %s", args)
          .isEqualTo(
              "weft bench: the benchmarks are not in weft.jar, which holds no benchmark or"
                  + " test-only binaries. Run them from a Weft checkout with ./weft bench WORKLOAD"
                  + " (for example ./weft bench sequential), which builds and runs"
                  + " weft-benchmarks/target/weft-bench.jar.\n");
      assertThat(out()).isEmpty();
    }
    assertThat(run("bench-node", "x", "y")).isEqualTo(2);
  }

  @Test
  void versionNamesWeftAndTheJvm() {
    assertThat(run("--version")).isZero();
    assertThat(out()).startsWith("weft ").contains("JVM " + System.getProperty("java.version"));
  }

  @Test
  void withoutASubcommandPrintsTheUsageAndFails() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("Usage: weft");
  }

  @Test
  void anUnknownSubcommandFailsWithAMessage() {
    assertThat(run("nonsense")).isEqualTo(2);
    assertThat(err()).contains("nonsense");
  }
}
