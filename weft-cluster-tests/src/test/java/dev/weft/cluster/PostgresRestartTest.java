package dev.weft.cluster;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL restart in the middle of a steady load drops every connection of every node (and of
 * the test's client); once the database is back, the nodes reconnect on their own and carry on.
 * Work lost with a connection (a commit in flight, an activity result that could not be written) is
 * redone through leases and retries, never applied twice: every workflow completes with each
 * activity result recorded exactly once and gapless histories.
 */
class PostgresRestartTest extends FaultTest {
  private static final int WORKFLOWS = 120;
  private static final WorkflowShape SHAPE = new WorkflowShape(8, 300, 1_000);

  /** The database stays down at least this long, so that work in flight runs into the outage. */
  private static final Duration OUTAGE = Duration.ofSeconds(3);

  PostgresRestartTest() {
    super("postgres restart");
  }

  @Test
  void theNodesCarryOnAfterTheDatabaseRestarts(@TempDir Path dir) throws Exception {
    long began = System.nanoTime();
    cluster = Cluster.start(dir, "restart", 3);
    watch = cluster.watch();
    load =
        new SteadyLoad(cluster.client(), "restart", WORKFLOWS, SHAPE).begin(Duration.ofMillis(200));

    await("load under way")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> load.started() >= WORKFLOWS / 3);
    long running = Execution.unfinished(ExecutionJournal.readAll(dir)).size();
    long completedBefore = cluster.completed();
    ClusterPostgres.stop();
    long stoppedAt = System.nanoTime();
    watch.mark("PostgreSQL stopped");
    log(
        "PostgreSQL stopped after "
            + load.started()
            + " starts, "
            + completedBefore
            + " completed, with "
            + running
            + " activities running");

    await("every node noticed the outage")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.nodes().stream().allMatch(n -> n.output().contains("lost the connection")));
    // The fault itself: the database stays away for a while, whatever the nodes do meanwhile.
    Thread.sleep(Math.max(0, OUTAGE.toMillis() - elapsedMillis(stoppedAt)));
    ClusterPostgres.start();
    watch.mark("PostgreSQL started");
    log("PostgreSQL started again after " + elapsedMillis(stoppedAt) + " ms down");

    await("every node reconnected")
        .atMost(Duration.ofSeconds(60))
        .until(() -> cluster.nodes().stream().allMatch(n -> n.output().contains("reconnected to")));
    log("every node reconnected " + elapsedMillis(stoppedAt) + " ms after the stop");
    await("all started").atMost(Duration.ofSeconds(60)).until(load::allStarted);
    cluster.awaitCompleted(WORKFLOWS, Duration.ofSeconds(90));
    HistoryAudit.Result audit = HistoryAudit.verify(cluster.client(), load.workflowIds(), SHAPE);
    ExecutionReport report = ExecutionReport.of(ExecutionJournal.readAll(dir), audit);

    log(
        audit.runs()
            + " workflows COMPLETED, "
            + audit.events()
            + " history events, every activity recorded once ("
            + audit.retriedResults()
            + " results from a retried attempt); "
            + load.failedStartsReport());
    log(report.summary());
    for (NodeProcess node : cluster.nodes()) {
      node.output()
          .lines()
          .filter(line -> line.contains("WARN") || line.contains("ERROR") || line.contains("INFO"))
          .limit(8)
          .forEach(line -> log(node.nodeId() + ": " + line));
    }
    log("took " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
  }

  private static long elapsedMillis(long since) {
    return Duration.ofNanos(System.nanoTime() - since).toMillis();
  }
}
