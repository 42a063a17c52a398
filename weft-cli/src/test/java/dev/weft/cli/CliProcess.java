package dev.weft.cli;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@code weft} child JVM in {@code dir} ({@code weft server}, {@code weft dev}), its output
 * collected by {@code reader}.
 */
record CliProcess(Process process, List<String> lines, Thread reader) {
  static CliProcess start(Path dir, String command, List<String> options) throws IOException {
    return start(dir, command, options, 0);
  }

  /** As {@link #start(Path, String, List)} on a given API port. */
  static CliProcess start(Path dir, String command, List<String> options, int port)
      throws IOException {
    List<String> args = new ArrayList<>(List.of(command, "--port", String.valueOf(port)));
    args.addAll(options);
    ProcessBuilder pb = new ProcessBuilder(javaCommand(args));
    pb.directory(dir.toFile());
    pb.redirectErrorStream(true);
    Process process = pb.start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        Thread.ofPlatform()
            .daemon(true)
            .start(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                      lines.add(line);
                    }
                  } catch (IOException ignored) {
                    // the process is gone
                  }
                });
    return new CliProcess(process, lines, reader);
  }

  /**
   * The command line of a JVM like this one running {@link WeftCli} with {@code args}, on the
   * tests' class path (Surefire's, rather than its booter jar).
   */
  private static List<String> javaCommand(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(WeftCli.class.getName());
    command.addAll(args);
    return command;
  }

  /** Waits until a line of the output contains {@code text}; returns that line. */
  String awaitLine(String text) {
    await()
        .atMost(Duration.ofSeconds(60))
        .failFast("the process exited: " + lines, () -> !process.isAlive())
        .until(() -> lines.stream().anyMatch(l -> l.contains(text)));
    return lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow();
  }

  /** Sends SIGTERM and returns the exit code. */
  int stop() throws InterruptedException {
    // through the handle: Process.destroy() would also close the pipe before the last lines
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not stop on SIGTERM: " + lines);
    }
    reader.join(10_000);
    return process.exitValue();
  }

  List<String> output() {
    return lines;
  }
}
