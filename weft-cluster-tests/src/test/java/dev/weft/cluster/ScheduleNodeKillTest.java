package dev.weft.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.schedules.FiringOutcome;
import dev.weft.schedules.ScheduleDescription;
import dev.weft.schedules.ScheduleFiring;
import dev.weft.schedules.Schedules;
import dev.weft.schedules.SensorDescription;
import dev.weft.schedules.Sensors;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules and a sensor fire exactly once on three nodes while one of them is killed mid-firing.
 * Every node defines the same 20 one-second schedules and the same counting sensor; node 2 is
 * killed (SIGKILL) while firings' runs are working on it. The schedule and sensor workflows it held
 * are taken over when their leases expire, and the firings due meanwhile are caught up. At the end
 * every schedule started exactly one run per nominal second, with no gap, each run recorded its
 * step's result once (from its last attempt: a step the kill cut off ran again as a new attempt),
 * and the sensor started one run per cursor value with a cursor that never went back.
 *
 * <p>A firing whose trigger activity was running on the killed node waits for that attempt's
 * start-to-close timeout (10 s) before another node retries it, so the schedules the killed node
 * was firing fall that far behind and then catch up: the test waits for that, and logs each
 * schedule's largest delay.
 */
class ScheduleNodeKillTest extends FaultTest {
  private static final int SCHEDULES = 20;

  /** How long past the kill (in nominal time) every schedule must have fired before it stops. */
  private static final Duration FIRING_AFTER_KILL =
      ClusterSettings.WORKFLOW_TASK_LEASE.plusSeconds(6);

  private static final String PAUSE_NOTE = "end of test";

  private final long began = System.nanoTime();

  ScheduleNodeKillTest() {
    super("schedule kill");
  }

  @Test
  void everyFireTimeStartsOneRunThroughANodeKill(@TempDir Path dir) throws Exception {
    cluster =
        Cluster.start(
            dir, "schedkill", 3, List.of("-D" + ClusterTriggers.PROPERTY + "=" + SCHEDULES));
    ClusterTriggers.registerForQueries(cluster.driver());
    watch = cluster.watch();
    WeftClient client = cluster.client();
    Schedules schedules = Schedules.client(client);
    Sensors sensors = Sensors.client(client);
    NodeProcess victim = cluster.node(2);
    List<Long> cursors = new ArrayList<>();
    sampleCursor(sensors, cursors);

    await("firings under way")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> actionRuns(client) >= 3 * SCHEDULES);
    await("steps of firings working on " + victim.nodeId())
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> Execution.unfinished(victim.executions()).size() >= 2);
    victim.kill();
    Instant killedAt = Instant.now();
    watch.mark("SIGKILL " + victim.nodeId());
    List<Execution> interrupted = Execution.unfinished(victim.executions());
    progress(
        "SIGKILL "
            + victim.nodeId()
            + " at "
            + killedAt
            + " after "
            + actionRuns(client)
            + " runs started, with "
            + interrupted.size()
            + " steps cut off on it: "
            + interrupted);

    Instant firedUntil = killedAt.truncatedTo(ChronoUnit.SECONDS).plus(FIRING_AFTER_KILL);
    await("every schedule fired at " + firedUntil + ", past the leases of the killed node")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              sampleCursor(sensors, cursors);
              return allFiredAt(client, firedUntil);
            });
    progress("every schedule fired at " + firedUntil + "; pausing them and the sensor");

    for (int i = 1; i <= SCHEDULES; i++) {
      schedules.pause(ClusterTriggers.scheduleId(i), PAUSE_NOTE);
    }
    sensors.pause(ClusterTriggers.SENSOR, PAUSE_NOTE);
    await("every schedule skipped a fire time as paused (so it handled all before)")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> allSkippedAsPaused(schedules));
    progress("every schedule handled its fire times up to its pause");
    SensorDescription sensor = awaitSensorSettled(sensors);
    cursors.add(Long.parseLong(sensor.cursor()));
    await("every run of a firing or request completed")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                client.countWorkflows(
                        WorkflowFilter.all()
                            .withType("PipelineWorkflow")
                            .withStatus(WorkflowStatus.RUNNING))
                    == 0);

    List<WorkflowSummary> runs = list(client, "WorkflowType = 'PipelineWorkflow'");
    progress(runs.size() + " runs completed; auditing their histories");
    HistoryAudit.Result audit = HistoryAudit.audit(client, runs, ClusterTriggers.ACTION);
    List<Execution> journal = ExecutionJournal.readAll(dir);
    ExecutionReport report = ExecutionReport.of(journal, audit);
    ExecutionReport.assertRunAgain(interrupted, audit);
    long retried = TriggerAudit.assertOnlyRetriedExecutions(journal, audit, victim.nodeId());
    long alreadyStarted = 0;
    int scheduleRuns = 0;
    for (int i = 1; i <= SCHEDULES; i++) {
      String id = ClusterTriggers.scheduleId(i);
      List<WorkflowSummary> own =
          runs.stream().filter(r -> r.workflowId().startsWith(id + "@")).toList();
      alreadyStarted +=
          TriggerAudit.assertFiredOncePerSecond(id, own, schedules.describe(id, 1), firedUntil);
      scheduleRuns += own.size();
    }
    List<WorkflowSummary> requested =
        runs.stream().filter(r -> r.workflowId().startsWith(ClusterTriggers.SENSOR + ":")).toList();
    assertThat(scheduleRuns + requested.size())
        .as("runs of the schedules and the sensor among the %d runs listed", runs.size())
        .isEqualTo(runs.size());
    long requestsFound = TriggerAudit.assertOneRunPerKey(requested, sensor, cursors);

    log(
        scheduleRuns
            + " runs of "
            + SCHEDULES
            + " schedules, one per nominal second each; "
            + alreadyStarted
            + " recent firings found their run already started; "
            + retried
            + " steps ran again after an attempt's lease ended");
    log(
        requested.size()
            + " runs of the sensor, cursor "
            + sensor.cursor()
            + ", "
            + sensor.recentEvaluations().size()
            + " recent evaluations ("
            + sensor.recentEvaluations().stream().filter(e -> e.failed()).count()
            + " failed), "
            + requestsFound
            + " requests found their run already started; cursor samples "
            + cursors);
    log(report.summary());
    log("latest starts after the nominal time, by schedule: " + lateness(runs));
    progress("done");
  }

  /**
   * The largest delay between a schedule's nominal fire time and its run's start, by schedule, for
   * the schedules that had one over 5 s: the firings a node held when it was killed, which waited
   * for their attempt's lease to end.
   */
  private static Map<String, Duration> lateness(List<WorkflowSummary> runs) {
    Map<String, Duration> latest = new TreeMap<>();
    for (WorkflowSummary run : runs) {
      int at = run.workflowId().indexOf('@');
      if (at > 0) {
        Duration late =
            Duration.between(ClusterTriggers.nominal(run.workflowId()), run.startTime());
        latest.merge(run.workflowId().substring(0, at), late, (a, b) -> a.compareTo(b) > 0 ? a : b);
      }
    }
    latest.values().removeIf(late -> late.compareTo(Duration.ofSeconds(5)) <= 0);
    latest.replaceAll((id, late) -> late.truncatedTo(ChronoUnit.MILLIS));
    return latest;
  }

  /** Logs a step of the test with the seconds since it began. */
  private void progress(String step) {
    log("+" + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s: " + step);
  }

  private static long actionRuns(WeftClient client) {
    return client.countWorkflows(WorkflowFilter.all().withType("PipelineWorkflow"));
  }

  private static boolean allFiredAt(WeftClient client, Instant nominal) {
    for (int i = 1; i <= SCHEDULES; i++) {
      String id = ClusterTriggers.scheduleId(i) + "@" + nominal;
      if (client.countWorkflows(WorkflowFilter.all().withWorkflowId(id)) == 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean allSkippedAsPaused(Schedules schedules) {
    for (int i = 1; i <= SCHEDULES; i++) {
      ScheduleDescription d = schedules.describe(ClusterTriggers.scheduleId(i), 1);
      List<ScheduleFiring> firings = d.recentFirings();
      ScheduleFiring latest = firings.isEmpty() ? null : firings.get(firings.size() - 1);
      if (latest == null
          || latest.outcome() != FiringOutcome.SKIPPED
          || !latest.reason().startsWith("paused")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits until the paused sensor has no evaluation under way: the cursor equals the last recorded
   * evaluation's, and the same description comes back two polls (2 s) apart.
   */
  private static SensorDescription awaitSensorSettled(Sensors sensors) {
    AtomicReference<SensorDescription> previous = new AtomicReference<>();
    await("the paused sensor settled")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              SensorDescription d = sensors.describe(ClusterTriggers.SENSOR);
              List<?> evaluations = d.recentEvaluations();
              boolean recorded =
                  !evaluations.isEmpty()
                      && d.cursor() != null
                      && d.cursor().equals(d.recentEvaluations().getLast().cursorAfter());
              SensorDescription before = previous.getAndSet(d);
              return recorded && d.equals(before);
            });
    return previous.get();
  }

  /** Adds the sensor's cursor to {@code cursors} (a describe that cannot answer now is skipped). */
  private void sampleCursor(Sensors sensors, List<Long> cursors) {
    try {
      String cursor = sensors.describe(ClusterTriggers.SENSOR).cursor();
      if (cursor != null) {
        cursors.add(Long.parseLong(cursor));
      }
    } catch (RuntimeException e) {
      log("sensor describe failed (the run may be between nodes): " + e);
    }
  }

  private static List<WorkflowSummary> list(WeftClient client, String query) {
    List<WorkflowSummary> runs = new ArrayList<>();
    String token = null;
    do {
      WorkflowPage page =
          client.listWorkflows(WorkflowFilter.query(query).withPageSize(1000).pageToken(token));
      runs.addAll(page.workflows());
      token = page.nextPageToken();
    } while (token != null);
    return runs;
  }
}
