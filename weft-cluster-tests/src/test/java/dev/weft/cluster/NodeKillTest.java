package dev.weft.cluster;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed with SIGKILL in the middle of a steady load loses nothing: once its leases expire,
 * the two other nodes take over its workflow tasks and its interrupted activity attempts, and every
 * workflow completes with each activity result recorded exactly once and gapless histories.
 */
class NodeKillTest extends FaultTest {
  private static final int WORKFLOWS = 120;
  private static final WorkflowShape SHAPE = new WorkflowShape(8, 300, 1_000);

  NodeKillTest() {
    super("node kill");
  }

  @Test
  void theOtherNodesFinishTheWorkOfAKilledNode(@TempDir Path dir) throws Exception {
    long began = System.nanoTime();
    cluster = Cluster.start(dir, "kill", 3);
    watch = cluster.watch();
    load = new SteadyLoad(cluster.client(), "kill", WORKFLOWS, SHAPE).begin(Duration.ofMillis(200));
    NodeProcess victim = cluster.node(2);

    await("load under way with activities running on " + victim.nodeId())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                load.started() >= WORKFLOWS / 3
                    && Execution.unfinished(victim.executions()).size() >= 3);
    victim.kill();
    watch.mark("SIGKILL " + victim.nodeId());
    List<Execution> interrupted = Execution.unfinished(victim.executions());
    log(
        "SIGKILL "
            + victim.nodeId()
            + " after "
            + load.started()
            + " starts, "
            + cluster.completed()
            + " completed, with "
            + interrupted.size()
            + " activities cut off on it: "
            + interrupted);

    await("all started").atMost(Duration.ofSeconds(60)).until(load::allStarted);
    cluster.awaitCompleted(WORKFLOWS, Duration.ofSeconds(90));
    HistoryAudit.Result audit = HistoryAudit.verify(cluster.client(), load.workflowIds(), SHAPE);
    ExecutionReport report = ExecutionReport.of(ExecutionJournal.readAll(dir), audit);
    ExecutionReport.assertRunAgain(interrupted, audit);

    log(
        audit.runs()
            + " workflows COMPLETED, "
            + audit.events()
            + " history events, every activity recorded once ("
            + audit.retriedResults()
            + " results from a retried attempt); "
            + load.failedStartsReport());
    log(report.summary());
    log("took " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
  }
}
