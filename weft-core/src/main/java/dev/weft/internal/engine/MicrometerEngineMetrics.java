package dev.weft.internal.engine;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.Batch;
import dev.weft.store.Write;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The engine's metrics in a Micrometer registry. Meters are registered on first use of a tag set
 * and kept in maps keyed by the tag strings (two levels where there are two tags), so that a
 * recording after the first is a map lookup and an update, with no allocation.
 *
 * <p>Meters (Prometheus names in brackets): {@code weft.workflow.started{workflow_type}}
 * [weft_workflow_started_total], {@code weft.workflow.closed{workflow_type,status}}
 * [weft_workflow_closed_total], {@code weft.workflow.task.latency{workflow_type}}
 * [weft_workflow_task_latency_seconds], {@code
 * weft.activity.schedule.to.start{activity_type,task_queue}}
 * [weft_activity_schedule_to_start_seconds], {@code
 * weft.activity.execution{activity_type,task_queue}} [weft_activity_execution_seconds], {@code
 * weft.timer.lateness} [weft_timer_lateness_seconds], {@code
 * weft.nondeterminism.errors{workflow_type}} [weft_nondeterminism_errors_total].
 */
final class MicrometerEngineMetrics implements EngineMetrics {
  private static final WorkflowStatus[] STATUSES = WorkflowStatus.values();

  private final MeterRegistry registry;
  private final Map<String, Counter> starts = new ConcurrentHashMap<>();
  private final Map<String, Counter[]> closes = new ConcurrentHashMap<>();
  private final Map<String, Timer> workflowTasks = new ConcurrentHashMap<>();
  private final Map<String, Counter> nonDeterminism = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Timer>> scheduleToStart = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Timer>> executions = new ConcurrentHashMap<>();
  private final Timer timerLateness;
  // made once: a method reference made per call would allocate
  private final Function<String, Counter> newStart = this::startCounter;
  private final Function<String, Counter[]> newCloses = this::closeCounters;
  private final Function<String, Timer> newWorkflowTask = this::workflowTaskTimer;
  private final Function<String, Counter> newNonDeterminism = this::nonDeterminismCounter;

  MicrometerEngineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.timerLateness =
        Timer.builder("weft.timer.lateness")
            .description("how late timers fire: fire time minus due time")
            .register(registry);
  }

  @Override
  public long started() {
    return System.nanoTime();
  }

  @Override
  public void committed(Batch batch, String closingType) {
    List<Write> writes = batch.writes();
    for (int i = 0; i < writes.size(); i++) {
      Write w = writes.get(i);
      if (w instanceof Write.InsertRun insert) {
        starts.computeIfAbsent(insert.run().workflowType(), newStart).increment();
      } else if (w instanceof Write.CloseRun close && closingType != null) {
        closes.computeIfAbsent(closingType, newCloses)[close.status().ordinal()].increment();
      }
    }
  }

  @Override
  public void workflowTask(String workflowType, long started) {
    workflowTasks
        .computeIfAbsent(workflowType, newWorkflowTask)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  @Override
  public void activityStarted(ActivityTaskRecord task, Instant now) {
    if (now == null) {
      return;
    }
    long lagMillis = Math.max(0, now.toEpochMilli() - task.visibleAt().toEpochMilli());
    activityTimer(scheduleToStart, task, "weft.activity.schedule.to.start")
        .record(lagMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void activityExecuted(ActivityTaskRecord task, long started) {
    activityTimer(executions, task, "weft.activity.execution")
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  @Override
  public void timerFired(Instant due, Instant now) {
    timerLateness.record(
        Math.max(0, now.toEpochMilli() - due.toEpochMilli()), TimeUnit.MILLISECONDS);
  }

  @Override
  public void nonDeterminism(String workflowType) {
    nonDeterminism.computeIfAbsent(workflowType, newNonDeterminism).increment();
  }

  private Counter startCounter(String type) {
    return Counter.builder("weft.workflow.started")
        .description("workflow runs started (client starts, children, continue-as-new, retries)")
        .tag("workflow_type", type)
        .register(registry);
  }

  private Counter[] closeCounters(String type) {
    Counter[] counters = new Counter[STATUSES.length];
    for (WorkflowStatus s : STATUSES) {
      if (s.isClosed()) {
        counters[s.ordinal()] =
            Counter.builder("weft.workflow.closed")
                .description("workflow runs closed, by how they closed")
                .tag("workflow_type", type)
                .tag("status", s.name().toLowerCase(Locale.ROOT))
                .register(registry);
      }
    }
    return counters;
  }

  private Timer workflowTaskTimer(String type) {
    return Timer.builder("weft.workflow.task.latency")
        .description("workflow tasks from taking the run to their commit")
        .tag("workflow_type", type)
        .register(registry);
  }

  private Counter nonDeterminismCounter(String type) {
    return Counter.builder("weft.nondeterminism.errors")
        .description("workflow tasks failed because the code no longer matches its history")
        .tag("workflow_type", type)
        .register(registry);
  }

  private Timer activityTimer(
      Map<String, Map<String, Timer>> timers, ActivityTaskRecord task, String name) {
    Map<String, Timer> byType = timers.get(task.taskQueue());
    if (byType == null) {
      byType = timers.computeIfAbsent(task.taskQueue(), q -> new ConcurrentHashMap<>());
    }
    Timer timer = byType.get(task.activityType());
    if (timer == null) {
      timer =
          byType.computeIfAbsent(
              task.activityType(),
              type ->
                  Timer.builder(name)
                      .description(
                          name.endsWith("execution")
                              ? "activity attempts from start to their code's return"
                              : "activity attempts from claimable to started")
                      .tag("activity_type", type)
                      .tag("task_queue", task.taskQueue())
                      .register(registry));
    }
    return timer;
  }
}
