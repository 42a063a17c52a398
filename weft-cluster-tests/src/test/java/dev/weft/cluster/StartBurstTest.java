package dev.weft.cluster;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of 10,000 workflow starts, during which one of the three nodes is killed with SIGKILL:
 * the two survivors claim the whole backlog (SKIP LOCKED claims, no task taken twice) and the dead
 * node's leased work, and every workflow completes with each activity result recorded exactly once
 * and gapless histories.
 *
 * <p>Each workflow sleeps 500 ms between its activities ({@code -Dweft.cluster.burstSleepMillis}
 * changes it), so thousands of timers fall due together on all three nodes' due loops: the nodes
 * race for them, and a node that cannot have a timer's row at once gives it up rather than wait for
 * the winner's transaction.
 */
class StartBurstTest extends FaultTest {
  private static final int WORKFLOWS = 10_000;
  private static final int STARTERS = 32;
  private static final WorkflowShape SHAPE =
      new WorkflowShape(2, 50, Long.getLong("weft.cluster.burstSleepMillis", 500));

  private ExecutorService starters;

  StartBurstTest() {
    super("start burst");
  }

  @Override
  protected void stopOwnLoad() {
    if (starters != null) {
      starters.shutdownNow();
    }
  }

  @Test
  void tenThousandStartsCompleteAlthoughANodeDies(@TempDir Path dir) throws Exception {
    long began = System.nanoTime();
    cluster = Cluster.start(dir, "burst", 3);
    watch = cluster.watch();
    starters = Executors.newFixedThreadPool(STARTERS);
    AtomicInteger started = new AtomicInteger();
    List<String> workflowIds = new ArrayList<>();
    List<Future<?>> starts = new ArrayList<>();
    long burstBegan = System.nanoTime();
    for (int i = 0; i < WORKFLOWS; i++) {
      String workflowId = "burst-" + i;
      workflowIds.add(workflowId);
      starts.add(
          starters.submit(
              () -> {
                SHAPE.start(cluster.client(), workflowId);
                started.incrementAndGet();
              }));
    }
    NodeProcess victim = cluster.node(3);
    await("a third of the burst started, with activities running on " + victim.nodeId())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                started.get() >= WORKFLOWS * 3 / 10
                    && !Execution.unfinished(victim.executions()).isEmpty());
    victim.kill();
    watch.mark("SIGKILL " + victim.nodeId());
    List<Execution> interrupted = Execution.unfinished(victim.executions());
    log(
        "SIGKILL "
            + victim.nodeId()
            + " after "
            + started.get()
            + " starts, "
            + cluster.completed()
            + " completed, with "
            + interrupted.size()
            + " activities cut off on it");
    for (Future<?> start : starts) {
      start.get(2, TimeUnit.MINUTES);
    }
    long burstMillis = elapsedMillis(burstBegan);
    log(WORKFLOWS + " starts took " + burstMillis + " ms");

    cluster.awaitCompleted(WORKFLOWS, Duration.ofSeconds(150));
    log(
        "all "
            + WORKFLOWS
            + " completed "
            + elapsedMillis(burstBegan)
            + " ms after the first start");
    long auditBegan = System.nanoTime();
    HistoryAudit.Result audit = HistoryAudit.verify(cluster.client(), workflowIds, SHAPE);
    ExecutionReport report = ExecutionReport.of(ExecutionJournal.readAll(dir), audit);
    ExecutionReport.assertRunAgain(interrupted, audit);
    log(
        audit.runs()
            + " workflows COMPLETED, "
            + audit.events()
            + " history events, every activity recorded once ("
            + audit.retriedResults()
            + " results from a retried attempt); audit took "
            + elapsedMillis(auditBegan)
            + " ms");
    log(report.summary());
    log("took " + elapsedMillis(began) + " ms");
  }

  private static long elapsedMillis(long since) {
    return Duration.ofNanos(System.nanoTime() - since).toMillis();
  }
}
