package dev.weft.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.codec.EventCodec;
import dev.weft.store.EventRecord;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery, proven: workflows of 10 activities run in a child JVM that is killed with SIGKILL
 * again and again (at random points of progress, and from inside the store's commit: before COMMIT
 * and after it), then restarted on the same SQLite file. In the end every workflow completed, every
 * activity result was recorded exactly once, and no step whose completion was recorded ran again.
 *
 * <p>Iterations: {@code -Dweft.crash.iterations} (default 20).
 */
@Tag("chaos")
class CrashRecoveryTest {
  private static final int ITERATIONS = Integer.getInteger("weft.crash.iterations", 20);
  private static final int WORKFLOWS = 20;
  private static final int STEPS = 10;
  private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);

  @Test
  void everyWorkflowCompletesAndEveryStepIsRecordedOnceDespiteKills(@TempDir Path base)
      throws Exception {
    long seed = Long.getLong("weft.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> report = new ArrayList<>();
    for (int iteration = 1; iteration <= ITERATIONS; iteration++) {
      Path dir = Files.createDirectories(base.resolve("iteration-" + iteration));
      List<String> kills = runWithKills(dir, random);
      Verdict verdict = verify(dir);
      report.add(
          "iteration "
              + iteration
              + ": kills "
              + kills
              + ", executions "
              + verdict.executions
              + " for "
              + (WORKFLOWS * STEPS)
              + " steps ("
              + verdict.reruns
              + " re-run after a crash before their completion was recorded), OK");
    }
    System.out.println("crash test seed " + seed);
    report.forEach(System.out::println);
  }

  /** Runs the load through several lives of the child process; returns how each life ended. */
  private List<String> runWithKills(Path dir, Random random) throws Exception {
    List<String> kills = new ArrayList<>();
    String[] plan = {
      "progress:" + (5 + random.nextInt(40)),
      "before-commit:" + (3 + random.nextInt(60)),
      "progress:" + (5 + random.nextInt(60)),
      "after-commit:" + (3 + random.nextInt(60)),
      "progress:" + (5 + random.nextInt(60)),
    };
    for (String step : plan) {
      if (step.startsWith("progress:")) {
        int lines = Integer.parseInt(step.substring(9));
        kills.add(killAfterProgress(dir, lines));
      } else {
        Process child = startChild(dir, step);
        boolean exited = child.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exited).as("child in mode " + step + " ended").isTrue();
        kills.add(step + (child.exitValue() == 0 ? " (finished first)" : ""));
      }
    }
    Process last = startChild(dir, "none");
    assertThat(last.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as("final child finished")
        .isTrue();
    assertThat(last.exitValue()).as(output(dir)).isZero();
    assertThat(Files.readString(dir.resolve("child.out"))).contains("ALL DONE " + WORKFLOWS);
    return kills;
  }

  /** Starts a child and SIGKILLs it once the journal grew by {@code lines} executions. */
  private String killAfterProgress(Path dir, int lines) throws Exception {
    Path journal = dir.resolve("journal.txt");
    int before = StepJournal.read(journal).size();
    Process child = startChild(dir, "none");
    Awaitility.await()
        .atMost(CHILD_TIMEOUT)
        .pollInterval(Duration.ofMillis(3))
        .until(() -> !child.isAlive() || StepJournal.read(journal).size() >= before + lines);
    if (!child.isAlive()) {
      return "none (finished first)";
    }
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return "SIGKILL after " + lines + " executions";
  }

  private Process startChild(Path dir, String mode) throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            classpath,
            CrashWorkerMain.class.getName(),
            dir.toString(),
            Integer.toString(WORKFLOWS),
            mode);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("child.out").toFile());
    return pb.start();
  }

  private static String output(Path dir) {
    try {
      return Files.readString(dir.resolve("child.out"));
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private record Verdict(int executions, int reruns) {}

  private Verdict verify(Path dir) throws IOException {
    Map<String, List<String>> started = new HashMap<>();
    List<String> journal = StepJournal.read(dir.resolve("journal.txt"));
    for (String line : journal) {
      String[] parts = line.split(" ");
      started
          .computeIfAbsent(parts[1] + "#" + parts[2], k -> new ArrayList<>())
          .add(parts[3].substring(0, parts[3].indexOf('/')));
    }
    int reruns = 0;
    try (SqliteStore store = SqliteStore.open(dir.resolve("weft.db"))) {
      List<RunRecord> runs =
          store.listRuns(new RunQuery("default", null, null, null, 1000, null)).runs();
      assertThat(runs).hasSize(WORKFLOWS);
      assertThat(runs).extracting(RunRecord::workflowId).doesNotHaveDuplicates();
      for (RunRecord run : runs) {
        assertThat(run.status()).as(run.workflowId()).isEqualTo(WorkflowStatus.COMPLETED);
        List<HistoryEvent> events = decode(store.readHistory(run.runId(), 1));
        for (int i = 0; i < events.size(); i++) {
          assertThat(events.get(i).eventId()).as("no gap or duplicate").isEqualTo(i + 1);
        }
        List<Long> scheduled = new ArrayList<>();
        List<Long> completed = new ArrayList<>();
        for (HistoryEvent e : events) {
          if (e.attributes() instanceof EventAttributes.ActivityScheduled s) {
            scheduled.add(s.seq());
          } else if (e.attributes() instanceof EventAttributes.ActivityCompleted c) {
            completed.add(c.seq());
          }
          assertThat(e.attributes())
              .isNotInstanceOfAny(
                  EventAttributes.ActivityFailed.class, EventAttributes.ActivityTimedOut.class);
        }
        assertThat(scheduled).hasSize(STEPS).doesNotHaveDuplicates();
        assertThat(completed)
            .as("each result recorded once")
            .containsExactlyInAnyOrderElementsOf(scheduled);
        EventAttributes last = events.get(events.size() - 1).attributes();
        assertThat(last).isInstanceOf(EventAttributes.WorkflowCompleted.class);
        List<?> nonces =
            EventCodec.shared()
                .mapper()
                .readValue(((EventAttributes.WorkflowCompleted) last).result().data(), List.class);
        assertThat(nonces).hasSize(STEPS);
        for (int step = 1; step <= STEPS; step++) {
          List<String> executions = started.get(run.workflowId() + "#" + step);
          assertThat(executions).as(run.workflowId() + " step " + step + " ran").isNotEmpty();
          assertThat(executions.get(executions.size() - 1))
              .as(
                  "the recorded execution of "
                      + run.workflowId()
                      + " step "
                      + step
                      + " is the last one that started: nothing ran after its completion was"
                      + " recorded")
              .isEqualTo(nonces.get(step - 1));
          reruns += executions.size() - 1;
        }
      }
    }
    return new Verdict(journal.size(), reruns);
  }

  private static List<HistoryEvent> decode(List<EventRecord> records) {
    List<HistoryEvent> events = new ArrayList<>();
    for (EventRecord r : records) {
      events.add(new HistoryEvent(r.eventId(), r.time(), EventCodec.shared().decode(r.data())));
    }
    return events;
  }
}
