package dev.weft.cluster;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node frozen with SIGSTOP past every lease (and past the database's idle-in-transaction timeout)
 * is fenced off: while it is frozen the other nodes take over its activity attempts and workflow
 * tasks; when it wakes up, the results of its stale attempts are refused (lease tokens) and its
 * stale workflow tasks cannot append (the history's primary key, the next event ID), and it goes
 * back to work. Every workflow completes with each activity result recorded exactly once.
 */
class NodePauseTest extends FaultTest {
  private static final int WORKFLOWS = 200;
  private static final WorkflowShape SHAPE = new WorkflowShape(8, 300, 1_000);

  NodePauseTest() {
    super("node pause");
  }

  @Test
  void aPausedNodeIsFencedOffAndRejoins(@TempDir Path dir) throws Exception {
    long began = System.nanoTime();
    cluster = Cluster.start(dir, "pause", 3);
    watch = cluster.watch();
    load =
        new SteadyLoad(cluster.client(), "pause", WORKFLOWS, SHAPE).begin(Duration.ofMillis(200));
    NodeProcess victim = cluster.node(2);

    await("load under way with activities running on " + victim.nodeId())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                load.started() >= WORKFLOWS / 5
                    && Execution.unfinished(victim.executions()).size() >= 3);
    victim.pause();
    watch.mark("SIGSTOP " + victim.nodeId());
    long pausedAt = System.nanoTime();
    List<Execution> frozen = Execution.unfinished(victim.executions());
    long completedAtPause = cluster.completed();
    log(
        "SIGSTOP "
            + victim.nodeId()
            + " after "
            + load.started()
            + " starts, "
            + completedAtPause
            + " completed, with "
            + frozen.size()
            + " activities running on it: "
            + frozen);

    await("the other nodes retried every activity frozen on " + victim.nodeId())
        .atMost(ClusterSettings.PAUSE.minusSeconds(1))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> frozen.stream().allMatch(e -> startedElsewhere(e, dir)));
    await("workflows complete while " + victim.nodeId() + " is frozen")
        .atMost(ClusterSettings.PAUSE.minusSeconds(1))
        .until(() -> cluster.completed() >= completedAtPause + 10);
    long frozenMillis = Duration.ofNanos(System.nanoTime() - pausedAt).toMillis();
    log("taken over within " + frozenMillis + " ms; " + cluster.completed() + " completed");
    // The fault itself: the node stays frozen for the whole pause, past every lease.
    Thread.sleep(Math.max(0, ClusterSettings.PAUSE.toMillis() - frozenMillis));
    int journaledBeforeResume = victim.executions().size();
    victim.resume();
    watch.mark("SIGCONT " + victim.nodeId());
    log(
        "SIGCONT "
            + victim.nodeId()
            + " after "
            + Duration.ofNanos(System.nanoTime() - pausedAt).toMillis()
            + " ms, "
            + load.started()
            + " starts, "
            + cluster.completed()
            + " completed");

    try {
      await(victim.nodeId() + " runs new activities after it woke up")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  victim.executions().stream()
                      .skip(journaledBeforeResume)
                      .anyMatch(e -> e.phase() == Execution.Phase.START));
    } catch (ConditionTimeoutException e) {
      Path dump = victim.dumpThreads();
      throw new AssertionError(
          e.getMessage() + "; its threads: " + dump + "\n" + cluster.diagnosis(), e);
    }
    await("all started").atMost(Duration.ofSeconds(60)).until(load::allStarted);
    cluster.awaitCompleted(WORKFLOWS, Duration.ofSeconds(90));
    HistoryAudit.Result audit = HistoryAudit.verify(cluster.client(), load.workflowIds(), SHAPE);
    ExecutionReport report = ExecutionReport.of(ExecutionJournal.readAll(dir), audit);

    ExecutionReport.assertRunAgain(frozen, audit);
    long staleEnds =
        victim.executions().stream()
            .filter(e -> e.phase() == Execution.Phase.END)
            .filter(e -> frozen.stream().anyMatch(f -> f.step().equals(e.step())))
            .count();
    log(
        audit.runs()
            + " workflows COMPLETED, "
            + audit.events()
            + " history events, every activity recorded once ("
            + audit.retriedResults()
            + " results from a retried attempt); "
            + staleEnds
            + " of the "
            + frozen.size()
            + " frozen attempts finished after SIGCONT and their results were refused; "
            + victim.nodeId()
            + " started "
            + victim.executions().stream()
                .skip(journaledBeforeResume)
                .filter(e -> e.phase() == Execution.Phase.START)
                .count()
            + " activities after SIGCONT; "
            + load.failedStartsReport());
    log(report.summary());
    log("took " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms");
  }

  private static boolean startedElsewhere(Execution frozen, Path dir) {
    return ExecutionJournal.readAll(dir).stream()
        .anyMatch(
            e ->
                e.phase() == Execution.Phase.START
                    && e.step().equals(frozen.step())
                    && !e.node().equals(frozen.node())
                    && e.attempt() > frozen.attempt());
  }
}
