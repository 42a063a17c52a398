package dev.weft.examples.saga;

import static dev.weft.examples.saga.OrderOperation.CHARGE;
import static dev.weft.examples.saga.OrderOperation.REFUND;
import static dev.weft.examples.saga.OrderOperation.RELEASE;
import static dev.weft.examples.saga.OrderOperation.RESERVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.history.WorkflowHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compensations run to completion even if the process dies in the middle of them: a child JVM runs
 * the saga until it is inside the refund, is killed with SIGKILL, and a second child JVM on the
 * same SQLite file finishes the run.
 */
@Tag("chaos")
class SagaCrashTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  @Timeout(value = 50, unit = TimeUnit.SECONDS)
  void compensationFinishesExactlyOnceAfterTheProcessIsKilledDuringIt(@TempDir Path dir)
      throws Exception {
    FileOrderLedger ledger = new FileOrderLedger(dir.resolve(SagaCrashChild.LEDGER));
    String orderId = SagaCrashChild.ORDER.orderId();

    Process first = launch(dir, "first");
    try {
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> Files.exists(dir.resolve(SagaCrashChild.MARKER)) || !first.isAlive());
      assertThat(first.isAlive()).as("first child alive; its log:%n%s", log(dir, "first")).isTrue();
    } finally {
      first.destroyForcibly();
      assertThat(first.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ledger.operations(orderId)).containsExactly(RESERVE, CHARGE, REFUND);

    Process second = launch(dir, "second");
    boolean exited = second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (!exited) {
      second.destroyForcibly();
    }
    assertThat(exited && second.exitValue() == 0)
        .as("second child exited 0; its log:%n%s", log(dir, "second"))
        .isTrue();

    assertThat(Files.readAllLines(dir.resolve(SagaCrashChild.OUTCOME)))
        .containsExactly("FAILED", "ShippingUnavailable: no carrier serves Atlantis");
    assertThat(ledger.operations(orderId)).containsExactly(RESERVE, CHARGE, REFUND, RELEASE);
    WorkflowHistory history = WorkflowHistory.read(dir.resolve(SagaCrashChild.HISTORY));
    assertThat(completedAttempts(history, "RefundPayment"))
        .as("the refund ran again after the crash")
        .singleElement()
        .satisfies(attempt -> assertThat(attempt).isGreaterThanOrEqualTo(2));
    assertThat(completedAttempts(history, "ReleaseInventory")).containsExactly(1);
  }

  private static Process launch(Path dir, String phase) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            SagaCrashChild.class.getName(),
            dir.toString(),
            phase)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(phase + ".log").toFile())
        .start();
  }

  private static String log(Path dir, String phase) throws IOException {
    Path file = dir.resolve(phase + ".log");
    return Files.exists(file) ? Files.readString(file) : "(no log)";
  }

  /** Returns the attempt numbers of the completions of the activities of a type. */
  private static List<Integer> completedAttempts(WorkflowHistory history, String activityType) {
    List<Long> seqs =
        history.events().stream()
            .map(HistoryEvent::attributes)
            .filter(
                a ->
                    a instanceof EventAttributes.ActivityScheduled s
                        && s.activityType().equals(activityType))
            .map(a -> ((EventAttributes.ActivityScheduled) a).seq())
            .toList();
    return history.events().stream()
        .map(HistoryEvent::attributes)
        .filter(a -> a instanceof EventAttributes.ActivityCompleted c && seqs.contains(c.seq()))
        .map(a -> ((EventAttributes.ActivityCompleted) a).attempt())
        .toList();
  }
}
