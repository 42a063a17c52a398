package dev.weft.examples.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.PendingActivity;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.testing.RecordedHistories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catch-up over 100,000 blocks: 100 short runs chained by continue-as-new, every block stored
 * once, and a restart in the middle that continues where it stopped.
 */
class CatchUpTest {
  static final Duration WAIT = Duration.ofSeconds(120);
  static final int BLOCKS = 100_000;
  static final CatchUpCursor RANGE = CatchUpCursor.start(0, BLOCKS, 1_000);
  static final long OUTAGE_AT = 50_500;

  private final BlockStore store = new InMemoryBlockStore();

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void ingestsOneHundredThousandBlocksInOneHundredShortRunsStoringEachOnce() {
    TestNode node = TestNode.healthy(BLOCKS);
    try (CatchUpTestEnvironment t = new CatchUpTestEnvironment(null, node, store)) {
      long wallStart = System.nanoTime();
      WorkflowHandle<CatchUpResult> first = t.start(RANGE);

      CatchUpResult result = first.getResult(WAIT);

      System.out.printf(
          "100,000 blocks in 100 runs took %d ms%n",
          Duration.ofNanos(System.nanoTime() - wallStart).toMillis());
      assertThat(result).isEqualTo(new CatchUpResult(0, BLOCKS, BLOCKS, 0, 100));
      assertEveryBlockStoredOnce();
      assertThat(store.duplicatesSkipped()).isZero();
      assertThat(LongStream.range(0, BLOCKS).filter(n -> node.fetches(n) != 1)).isEmpty();

      List<WorkflowDescription> runs = assertShortRunChain(t, first.workflowId(), first.runId());
      assertThat(runs.get(99).runId()).isEqualTo(t.client().getHandle(RANGE.workflowId()).runId());
      RecordedHistories.record(CatchUpReplayTest.FIRST_RUN, first);
      RecordedHistories.record(
          CatchUpReplayTest.LAST_RUN, t.client().getHandle(RANGE.workflowId()));
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aRestartInTheMiddleContinuesWhereItStoppedWithNoBlockStoredTwice(@TempDir Path dir) {
    TestNode before = TestNode.unreachableFrom(BLOCKS, OUTAGE_AT);
    String firstRunId;
    try (CatchUpTestEnvironment t = new CatchUpTestEnvironment(dir, before, store)) {
      firstRunId = t.start(RANGE).runId();
      PendingActivity failing =
          Awaitility.await()
              .atMost(WAIT)
              .until(
                  () -> latestPendingActivity(t),
                  a -> a != null && !a.running() && a.lastFailure() != null);
      assertThat(failing.lastFailure()).contains("node unreachable at block 50500");
      assertThat(t.client().getHandle(RANGE.workflowId()).describe().status())
          .isEqualTo(WorkflowStatus.RUNNING);
    }
    int failedAttempts = before.failures.get();
    assertThat(store.size()).as("batches 0-49 and half of batch 50").isEqualTo(OUTAGE_AT);

    TestNode after = TestNode.healthy(BLOCKS);
    try (CatchUpTestEnvironment t = new CatchUpTestEnvironment(dir, after, store)) {
      CatchUpResult result =
          t.client().getHandle(RANGE.workflowId()).getResult(CatchUpResult.class);

      assertThat(result).isEqualTo(new CatchUpResult(0, BLOCKS, BLOCKS, 500, 100));
      assertEveryBlockStoredOnce();
      assertThat(store.duplicatesSkipped())
          .as("the half batch stored before the outage, once per later attempt")
          .isEqualTo(500L * failedAttempts);
      assertThat(LongStream.range(0, 50_000).filter(n -> after.fetches(n) != 0))
          .as("no batch before the one that failed ran again")
          .isEmpty();
      assertThat(LongStream.range(50_000, BLOCKS).filter(n -> after.fetches(n) != 1)).isEmpty();
      assertShortRunChain(t, RANGE.workflowId(), firstRunId);
    }
  }

  private static PendingActivity latestPendingActivity(CatchUpTestEnvironment t) {
    List<PendingActivity> pending =
        t.client().getHandle(RANGE.workflowId()).describe().pendingActivities();
    return pending.isEmpty() ? null : pending.get(0);
  }

  private void assertEveryBlockStoredOnce() {
    assertThat(store.size()).isEqualTo(BLOCKS);
    SimulatedChain chain = new SimulatedChain(TestNode.CHAIN);
    assertThat(
            LongStream.range(0, BLOCKS)
                .filter(n -> !store.get(n).equals(Optional.of(chain.fetch(n)))))
        .isEmpty();
  }

  /** Asserts 100 runs, each continued as new but the last, each with a short history. */
  private static List<WorkflowDescription> assertShortRunChain(
      CatchUpTestEnvironment t, String workflowId, String firstRunId) {
    List<WorkflowDescription> runs = CatchUpRuns.follow(t.client(), workflowId, firstRunId);
    long longest = runs.stream().mapToLong(WorkflowDescription::historyLength).max().orElseThrow();
    System.out.printf("%d runs, the longest history has %d events%n", runs.size(), longest);
    assertThat(runs).hasSize(100);
    assertThat(runs.subList(0, 99))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(WorkflowStatus.CONTINUED_AS_NEW));
    assertThat(runs.get(99).status()).isEqualTo(WorkflowStatus.COMPLETED);
    assertThat(runs).allSatisfy(r -> assertThat(r.historyLength()).isLessThan(20));
    return runs;
  }
}
