package dev.weft.bench;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.engine.WeftEngine;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.SensorDefinition;
import dev.weft.schedules.SensorFunction;
import dev.weft.schedules.SensorResult;
import dev.weft.schedules.Sensors;
import dev.weft.schedules.TriggerAction;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * N sensors on one node, each evaluated every second by a cheap function that skips, and requests a
 * no-op run every {@value #REQUEST_EVERY}th time. Lateness of an evaluation is when the function
 * started (the wall clock, read by the function) minus its due time: the fire time of the durable
 * timer the sensor's workflow slept on before it, read from the workflow's history ({@code
 * TimerStarted}) after the measurement, so weft-schedules needs no probe. It spans the timer, the
 * sensor's workflow task and the dispatch of the evaluation activity. Measured over the evaluations
 * of {@code --duration} seconds after the sensors' first interval, with the process CPU per
 * evaluation (the sensors' workflows, the evaluation activities and the requested runs together).
 */
final class SensorsWorkload implements Workload {
  /** Sensors unless {@code --workflows} says otherwise. */
  static final int SENSORS = 1_000;

  /** Seconds measured unless {@code --duration} says otherwise. */
  static final int DURATION_SECONDS = 60;

  /** Seconds between evaluations unless {@code --interval} says otherwise. */
  static final int INTERVAL_SECONDS = 1;

  /** Every this many evaluations of a sensor requests a run; the others skip. */
  static final int REQUEST_EVERY = 10;

  /** The evaluation lateness p99 the issue asks for, in milliseconds. */
  static final double TARGET_P99_MS = 100;

  /** The workflow type of a sensor, as {@link dev.weft.schedules.Sensors} documents it. */
  private static final String SENSOR_TYPE = "__weft_sensor";

  /** The prefix of a sensor's workflow ID, as {@link SensorDefinition} documents it. */
  private static final String SENSOR_ID_PREFIX = "__weft_sensor:";

  /** How long after the window the evaluations due in it may still start. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  /**
   * One call of a sensor's function: its evaluation time, when the function ran, and whether it
   * requested a run.
   */
  private record Evaluated(
      String sensor, Instant evaluationTime, Instant started, boolean requested) {}

  @Override
  public String name() {
    return "sensors";
  }

  @Override
  public String description() {
    return "N sensors evaluated every second, each skipping or requesting a no-op run every "
        + REQUEST_EVERY
        + "th time: evaluation lateness (function start minus timer due) p50/p99/max and CPU per"
        + " evaluation (--workflows sensors, --duration seconds measured, --interval seconds)";
  }

  @Override
  public boolean readsDurationAndInterval() {
    return true;
  }

  /** A tenth of the sensors for up to 5 seconds. */
  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(
        new BenchOptions(
            options.store(),
            Math.max(1, options.workflows(SENSORS) / 10),
            null,
            null,
            null,
            null,
            null,
            Math.min(5, options.durationSeconds(DURATION_SECONDS)),
            options.intervalSeconds()));
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(SENSORS);
    Duration interval =
        Duration.ofSeconds(
            options.intervalSeconds() == null ? INTERVAL_SECONDS : options.intervalSeconds());
    Duration duration = Duration.ofSeconds(options.durationSeconds(DURATION_SECONDS));
    Queue<Evaluated> evaluated = new ConcurrentLinkedQueue<>();
    SensorFunction function = sensorFunction(evaluated);
    try (WeftEngine engine =
        env.startEngine(
            e -> {
              NoopWorkflow.register(e);
              Sensors.Builder sensors = Sensors.builder(e);
              for (int i = 0; i < n; i++) {
                sensors.sensor(SensorDefinition.of("bench-" + i, interval, function));
              }
              sensors.build();
            })) {
      // every sensor's workflow is started when start() returns; its first evaluation is an
      // interval later: the window begins after that first one
      Instant from = Instant.now().plus(interval).plus(interval.dividedBy(2));
      Instant to = from.plus(duration);
      env.say(String.format("  %d sensors every %s, measuring from %s", n, interval, from));
      RealTime.sleepUntil(from);
      long cpuBefore = ProcessCpu.nanos();
      OptionalLong serverBefore = env.serverCpuNanos();
      RealTime.sleepUntil(to);
      long cpu = ProcessCpu.nanos() - cpuBefore;
      OptionalLong serverAfter = env.serverCpuNanos();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      RealTime.sleepUntil(to.plus(GRACE));

      List<Evaluated> measured = new ArrayList<>();
      for (Evaluated e : evaluated) {
        if (!e.evaluationTime().isBefore(from) && e.evaluationTime().isBefore(to)) {
          measured.add(e);
        }
      }
      Map<String, NavigableSet<Instant>> dues = timerDues(engine.client());
      long[] lateness = new long[measured.size()];
      int matched = 0;
      for (Evaluated e : measured) {
        Instant due = dues.getOrDefault(e.sensor(), new TreeSet<>()).floor(e.evaluationTime());
        if (due != null) {
          lateness[matched++] = Math.max(0, Duration.between(due, e.started()).toNanos());
        }
      }
      lateness = Arrays.copyOf(lateness, matched);
      if (matched < measured.size()) {
        env.say(
            "  "
                + (measured.size() - matched)
                + " evaluations had no timer in their sensor's history; left out of the lateness");
      }
      long evaluations = measured.size();
      long requests = measured.stream().filter(Evaluated::requested).count();
      double p99 = Figures.percentileMillis(lateness, 99);
      env.say(
          String.format(
              "  target: lateness p99 <= %.0f ms: %s (p99 %.1f ms over %d evaluations)",
              TARGET_P99_MS,
              matched > 0 && p99 <= TARGET_P99_MS ? "met" : "NOT met",
              p99,
              matched));
      Figures figures =
          new Figures()
              .put("sensors", n)
              .put("interval_s", interval.toSeconds())
              .put("duration_s", duration.toSeconds())
              .put("evaluations", evaluations)
              .put("evaluations_per_s", evaluations / (double) duration.toSeconds())
              .put("requests", requests)
              .put("late_p50_ms", Figures.percentileMillis(lateness, 50))
              .put("late_p99_ms", p99)
              .put("late_max_ms", Figures.percentileMillis(lateness, 100))
              .put("target_p99_ms", TARGET_P99_MS)
              .put(
                  "cpu_ms_per_evaluation", ProcessCpu.millisPerStep(cpu, Math.max(1, evaluations)));
      if (serverBefore.isPresent() && serverAfter.isPresent()) {
        figures.put(
            "server_cpu_ms_per_evaluation",
            ProcessCpu.millisPerStep(
                serverAfter.getAsLong() - serverBefore.getAsLong(), Math.max(1, evaluations)));
      }
      return figures.put("heap_used_mb", heap / (1024.0 * 1024.0));
    }
  }

  /**
   * The function of every sensor: notes when it ran, counts its evaluations in the cursor, and
   * requests a no-op run (dedupe key: the count) every {@value #REQUEST_EVERY}th time.
   */
  private static SensorFunction sensorFunction(Queue<Evaluated> evaluated) {
    TriggerAction noop = TriggerAction.StartWorkflow.of(NoopWorkflow.TYPE, NoopWorkflow.QUEUE);
    return ctx -> {
      Instant started = Instant.now();
      long count = ctx.cursor() == null ? 1 : Long.parseLong(ctx.cursor()) + 1;
      String cursor = Long.toString(count);
      boolean request = count % REQUEST_EVERY == 0;
      evaluated.add(new Evaluated(ctx.sensorName(), ctx.evaluationTime(), started, request));
      if (!request) {
        return SensorResult.skip("not a " + REQUEST_EVERY + "th evaluation", cursor);
      }
      return SensorResult.requests(cursor, List.of(new RunRequest(cursor, noop)));
    };
  }

  /**
   * Returns, per sensor, the fire times of the timers its workflow started (every run, since the
   * workflow continues as new): the due time of an evaluation is the latest of them not after it.
   */
  private static Map<String, NavigableSet<Instant>> timerDues(WeftClient client) {
    Map<String, NavigableSet<Instant>> dues = new HashMap<>();
    WorkflowFilter filter = WorkflowFilter.all().withType(SENSOR_TYPE).withPageSize(1000);
    WorkflowPage page = client.listWorkflows(filter);
    while (true) {
      for (WorkflowSummary run : page.workflows()) {
        NavigableSet<Instant> times =
            dues.computeIfAbsent(
                run.workflowId().substring(SENSOR_ID_PREFIX.length()), k -> new TreeSet<>());
        for (HistoryEvent event :
            client.getHandle(run.workflowId(), run.runId()).fetchHistory().events()) {
          if (event.attributes() instanceof EventAttributes.TimerStarted timer) {
            times.add(timer.fireAt());
          }
        }
      }
      if (page.nextPageToken() == null) {
        return dues;
      }
      page = client.listWorkflows(filter.pageToken(page.nextPageToken()));
    }
  }
}
