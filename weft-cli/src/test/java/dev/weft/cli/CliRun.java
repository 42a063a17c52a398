package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One run of the {@code weft} command in-process, through {@link WeftCli#commandLine} as {@link
 * WeftCliTest} runs it: its exit code and what it printed, with readers for list and describe
 * output.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exit, String out, String err) {

  /** Runs the command with {@code args}. */
  static CliRun run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        WeftCli.commandLine(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .execute(args);
    return new CliRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the command and asserts that it exits 0. */
  static CliRun ok(String... args) {
    CliRun r = run(args);
    assertThat(r.exit()).as("exit code of %s; stderr: %s", List.of(args), r.err()).isZero();
    return r;
  }

  /** Returns the lines of standard output. */
  List<String> lines() {
    return out.lines().toList();
  }

  /** Returns the rows of a list under its header, split into columns. */
  List<List<String>> rows() {
    List<String> lines = lines();
    assertThat(lines).as("list output").isNotEmpty();
    assertThat(lines.get(0)).startsWith("WORKFLOW ID  ");
    return lines.stream().skip(1).map(l -> Arrays.asList(l.trim().split("\\s+"))).toList();
  }

  /** Returns the value of a describe field ({@code Status: COMPLETED} gives COMPLETED). */
  String field(String label) {
    return lines().stream()
        .filter(l -> l.startsWith(label + ":"))
        .map(l -> l.substring(label.length() + 1).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + label + " in:\n" + out));
  }
}
