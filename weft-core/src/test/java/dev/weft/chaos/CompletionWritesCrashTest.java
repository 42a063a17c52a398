package dev.weft.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventCodec;
import dev.weft.store.EventRecord;
import dev.weft.store.InboxRecord;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import dev.weft.testsupport.Ledger;
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
 * {@code Activity.commitWithCompletion} under SIGKILL: the crash test's workflows (20 x 10
 * activities, {@link CrashWorkerMain}) with every step committing a ledger entry with its
 * completion, in a child JVM killed inside group commits (after the statements but before COMMIT,
 * and after COMMIT) and at random points of progress. After every kill the store holds, for each
 * activity, both its completion (in history or in its run's inbox) and its entry with the same
 * nonce, or neither; in the end every step has exactly its recorded completion's entry.
 *
 * <p>Iterations: {@code -Dweft.crash.iterations} (default 3 here).
 */
@Tag("chaos")
class CompletionWritesCrashTest {
  private static final int ITERATIONS = Integer.getInteger("weft.crash.iterations", 3);
  private static final int WORKFLOWS = 20;
  private static final int STEPS = 10;
  private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);

  @Test
  void aCompletionAndItsWriteAreBothThereOrBothAbsentAfterEveryKill(@TempDir Path base)
      throws Exception {
    long seed = Long.getLong("weft.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> report = new ArrayList<>();
    for (int iteration = 1; iteration <= ITERATIONS; iteration++) {
      Path dir = Files.createDirectories(base.resolve("iteration-" + iteration));
      String[] plan = {
        "before-commit:" + (3 + random.nextInt(60)),
        "after-commit:" + (3 + random.nextInt(60)),
        "progress:" + (5 + random.nextInt(60)),
        "before-commit:" + (3 + random.nextInt(60)),
        "after-commit:" + (3 + random.nextInt(60)),
      };
      List<String> lives = new ArrayList<>();
      for (String mode : plan) {
        lives.add(mode + ": " + live(dir, mode) + " completions with their entries");
      }
      Process last = startChild(dir, "none");
      assertThat(last.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(last.exitValue()).as(output(dir)).isZero();
      int completed = check(dir);
      assertThat(completed).isEqualTo(WORKFLOWS * STEPS);
      report.add("iteration " + iteration + ": " + lives + ", then all " + completed + ", OK");
    }
    System.out.println("completion-writes crash test seed " + seed);
    report.forEach(System.out::println);
  }

  /** Runs one life of the child that ends as {@code mode} says; returns the check's count. */
  private int live(Path dir, String mode) throws Exception {
    if (mode.startsWith("progress:")) {
      Path journal = dir.resolve("journal.txt");
      int target = StepJournal.read(journal).size() + Integer.parseInt(mode.substring(9));
      Process child = startChild(dir, "none");
      Awaitility.await()
          .atMost(CHILD_TIMEOUT)
          .pollInterval(Duration.ofMillis(3))
          .until(() -> !child.isAlive() || StepJournal.read(journal).size() >= target);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } else {
      Process child = startChild(dir, mode);
      assertThat(child.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .as("child in mode " + mode + " ended")
          .isTrue();
    }
    return check(dir);
  }

  /**
   * Checks that every recorded completion has its entry with the same nonce and every entry its
   * completion; returns how many completions there are.
   */
  private int check(Path dir) throws IOException {
    Map<String, String> completions = new HashMap<>();
    Map<String, String> entries = new HashMap<>();
    try (SqliteStore store =
        SqliteStore.open(
            SqliteStoreOptions.at(dir.resolve("weft.db"))
                .withExtensions(CrashWorkerMain.extensions(true)))) {
      for (RunRecord run :
          store.listRuns(new RunQuery("default", null, null, null, 1000, null)).runs()) {
        for (EventRecord e : store.readHistory(run.runId(), 1)) {
          completed(run.runId(), EventCodec.shared().decode(e.data()), completions);
        }
        for (InboxRecord e : store.readInbox(run.runId())) {
          completed(run.runId(), EventCodec.shared().decode(e.data()), completions);
        }
        if (run.status() == WorkflowStatus.COMPLETED) {
          assertThat(store.readInbox(run.runId())).isEmpty();
        }
      }
      for (Ledger.Row row : store.extension(Ledger.class).all()) {
        entries.put(row.entry(), row.value());
      }
    }
    assertThat(entries)
        .as("the entries are exactly the recorded completions, each with its nonce")
        .isEqualTo(completions);
    return completions.size();
  }

  private static void completed(
      String runId, EventAttributes event, Map<String, String> completions) throws IOException {
    if (event instanceof EventAttributes.ActivityCompleted c) {
      Payload result = c.result();
      String nonce = EventCodec.shared().mapper().readValue(result.data(), String.class);
      String before = completions.put(CrashWorkerMain.entryOf(runId, c.seq()), nonce);
      assertThat(before)
          .as("activity " + c.seq() + " of run " + runId + " completed once")
          .isNull();
    }
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
            mode,
            "ledger");
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
}
