package dev.weft.bench;

import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.history.WorkflowHistory;
import dev.weft.store.EventRecord;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SIGKILL the engine process in the middle of a load, restart it on the same store, and measure how
 * long until the first step completes after the restart; count lost and duplicated steps.
 */
final class RecoveryWorkload implements Workload {
  private static final long CHILD_TIMEOUT_S = 600;

  /**
   * Both engine processes: the restarted node is the same node, as a service manager restarts it.
   */
  private static final String NODE_ID = "recovery-node";

  @Override
  public String name() {
    return "recovery";
  }

  @Override
  public String description() {
    return "SIGKILL the engine mid-load, restart on the same store (--workflows, --activities)";
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(200);
    int k = options.activities(10);
    Path journal = env.dir().resolve("journal.txt");
    Process first = spawn(env, n, k, "first");
    long killAt = Math.max(1, (long) n * k * 3 / 10);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_S);
    while (first.isAlive() && lines(journal) < killAt) {
      if (System.nanoTime() > deadline) {
        first.destroyForcibly();
        throw new IllegalStateException("the first engine made no progress; see first.out");
      }
      Thread.sleep(2);
    }
    long executedBeforeKill = lines(journal);
    first.destroyForcibly();
    first.waitFor();
    env.say("  SIGKILLed the engine after " + executedBeforeKill + " of " + n * k + " steps");
    long restartedAt = System.currentTimeMillis();
    Process second = spawn(env, n, k, "second");
    if (!second.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)) {
      second.destroyForcibly();
      throw new IllegalStateException("the restarted engine did not finish; see second.out");
    }
    long finishedMillis = System.currentTimeMillis() - restartedAt;
    if (second.exitValue() != 0) {
      throw new IllegalStateException(
          "the restarted engine failed (exit code "
              + second.exitValue()
              + "): "
              + tail(env.dir().resolve("second.out")));
    }
    Verdict v = verify(env, n, k, journal, Instant.ofEpochMilli(restartedAt));
    return new Figures()
        .put("workflows", n)
        .put("activities", k)
        .put("killed_after_steps", executedBeforeKill)
        .put("resume_ms", v.resumeMillis)
        .put("finished_ms", finishedMillis)
        .put("lost", v.lost)
        .put("duplicated", v.duplicated);
  }

  /** Starts an engine process named {@code name}, its output in {@code <name>.out}. */
  private static Process spawn(BenchEnvironment env, int n, int k, String name) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            JavaCommand.forMainClass(
                RecoveryChild.class.getName(),
                List.of(
                    env.dir().toString(),
                    env.store().argument(),
                    Integer.toString(n),
                    Integer.toString(k),
                    NODE_ID)));
    pb.redirectErrorStream(true);
    pb.redirectOutput(env.dir().resolve(name + ".out").toFile());
    Process process = pb.start();
    env.closeAtEnd(new Killed(name, process));
    return process;
  }

  /** Kills an engine process that still runs when the run ends. */
  private record Killed(String name, Process process) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }

    @Override
    public String toString() {
      return "engine process " + name + " (pid " + process.pid() + ")";
    }
  }

  private static String tail(Path output) throws IOException {
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] bytes = Files.readAllBytes(file);
    long count = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        count++;
      }
    }
    return count;
  }

  private record Verdict(long resumeMillis, long lost, long duplicated) {}

  private static Verdict verify(
      BenchEnvironment env, int n, int k, Path journal, Instant restartedAt) throws IOException {
    Map<String, List<String>> started = new HashMap<>();
    for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
      String[] parts = line.split(" ");
      if (parts.length == 4) {
        started.computeIfAbsent(parts[1] + "#" + parts[2], x -> new ArrayList<>()).add(parts[3]);
      }
    }
    long lost = 0;
    long duplicated = 0;
    Instant firstAfterRestart = null;
    try (Store store = env.openStore()) {
      List<RunRecord> runs =
          store.listRuns(new RunQuery("default", null, null, null, 10_000, null)).runs();
      lost += Math.max(0, n - runs.size());
      for (RunRecord run : runs) {
        WorkflowHistory history = decode(run, store.readHistory(run.runId(), 1));
        Map<Long, Integer> completions = new HashMap<>();
        List<String> nonces = null;
        for (HistoryEvent e : history.events()) {
          if (e.attributes() instanceof EventAttributes.ActivityCompleted c) {
            completions.merge(c.seq(), 1, Integer::sum);
            if (!e.time().isBefore(restartedAt)
                && (firstAfterRestart == null || e.time().isBefore(firstAfterRestart))) {
              firstAfterRestart = e.time();
            }
          } else if (e.attributes() instanceof EventAttributes.WorkflowCompleted done) {
            nonces = EventCodecAccess.readStrings(done.result());
          }
        }
        if (run.status() != WorkflowStatus.COMPLETED || nonces == null) {
          lost += k;
          continue;
        }
        lost += Math.max(0, k - completions.size());
        duplicated += completions.values().stream().filter(c -> c > 1).count();
        for (int step = 1; step <= k; step++) {
          List<String> executions = started.getOrDefault(run.workflowId() + "#" + step, List.of());
          if (executions.isEmpty()
              || !executions.get(executions.size() - 1).equals(nonces.get(step - 1))) {
            duplicated++;
          }
        }
      }
    }
    long resume =
        firstAfterRestart == null
            ? -1
            : firstAfterRestart.toEpochMilli() - restartedAt.toEpochMilli();
    return new Verdict(resume, lost, duplicated);
  }

  private static WorkflowHistory decode(RunRecord run, List<EventRecord> records) {
    List<HistoryEvent> events = new ArrayList<>(records.size());
    for (EventRecord r : records) {
      events.add(new HistoryEvent(r.eventId(), r.time(), EventCodecAccess.decode(r.data())));
    }
    return new WorkflowHistory(run.workflowId(), run.runId(), events);
  }
}
