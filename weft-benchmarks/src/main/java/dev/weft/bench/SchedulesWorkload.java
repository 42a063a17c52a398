package dev.weft.bench;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleSpec;
import dev.weft.schedules.Schedules;
import dev.weft.schedules.TriggerAction;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N schedules on one node, each on the cron {@code * * * * *} (every minute, UTC, no jitter, the
 * default overlap policy SKIP) starting a no-op workflow. Lateness of a firing is the start time of
 * the run it started (in the store) minus its nominal fire time, which the run's derived workflow
 * ID {@code <scheduleId>@<nominal>} names; it spans the schedule's durable timer, its workflow task
 * and the trigger activity that starts the run. Measured over the fire times in {@code --duration}
 * seconds after every schedule was created, with the process CPU per firing (the schedules'
 * workflows, the trigger activities and the no-op runs together). {@code --interval} replaces the
 * cron by a fixed interval (the tiny smoke run fires every second).
 */
final class SchedulesWorkload implements Workload {
  /** Schedules unless {@code --workflows} says otherwise. */
  static final int SCHEDULES = 10_000;

  /** Seconds of fire times measured unless {@code --duration} says otherwise: three minutes. */
  static final int DURATION_SECONDS = 180;

  /** The firing lateness p99 the issue asks for, in milliseconds. */
  static final double TARGET_P99_MS = 100;

  private static final String EVERY_MINUTE = "* * * * *";

  /** Time after the last creation before the first measured fire time may come. */
  private static final Duration SETTLE = Duration.ofSeconds(3);

  /** How long after the last measured fire time its firings may still be missing. */
  private static final Duration FIRING_TIMEOUT = Duration.ofSeconds(60);

  private static final int CONCURRENT_CREATES = 64;

  @Override
  public String name() {
    return "schedules";
  }

  @Override
  public String description() {
    return "N schedules each firing every minute (cron * * * * *, UTC) to start a no-op workflow:"
        + " firing lateness (run start minus nominal fire time) p50/p99/max and CPU per firing"
        + " (--workflows schedules, --duration seconds measured, --interval seconds instead of the"
        + " cron)";
  }

  @Override
  public boolean readsDurationAndInterval() {
    return true;
  }

  /** A tenth of the schedules, firing every second for up to 5 seconds. */
  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(
        new BenchOptions(
            options.store(),
            Math.max(1, options.workflows(SCHEDULES) / 10),
            null,
            null,
            null,
            null,
            null,
            Math.min(5, options.durationSeconds(DURATION_SECONDS)),
            1));
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(SCHEDULES);
    Duration duration = Duration.ofSeconds(options.durationSeconds(DURATION_SECONDS));
    ScheduleSpec spec =
        options.intervalSeconds() == null
            ? ScheduleSpec.cron(EVERY_MINUTE).inZone("UTC")
            : ScheduleSpec.every(Duration.ofSeconds(options.intervalSeconds())).inZone("UTC");
    AtomicReference<Schedules> registered = new AtomicReference<>();
    try (WeftEngine engine =
        env.startEngine(
            e -> {
              NoopWorkflow.register(e);
              registered.set(Schedules.builder(e).build());
            })) {
      long createStart = System.nanoTime();
      createAll(registered.get(), n, spec);
      env.say(
          String.format(
              "  created %d schedules (%s) in %.1f s",
              n, spec, (System.nanoTime() - createStart) / 1e9));

      Instant first = spec.nextAfter(Instant.now().plus(SETTLE)).orElseThrow();
      Instant end = first.plus(duration);
      List<Instant> fireTimes = spec.between(first.minusNanos(1), end.minusNanos(1), 1_000_000);
      Instant afterFirst = spec.nextAfter(first).orElseThrow();
      Duration half = Duration.between(first, afterFirst).dividedBy(2);
      long expected = (long) n * fireTimes.size();
      env.say(
          String.format(
              "  measuring %d fire times from %s (%d firings expected)",
              fireTimes.size(), first, expected));

      // CPU over a window holding exactly the measured fire times, half an interval either side
      RealTime.sleepUntil(first.minus(half));
      long cpuBefore = ProcessCpu.nanos();
      OptionalLong serverBefore = env.serverCpuNanos();
      RealTime.sleepUntil(end.minus(half));
      long cpu = ProcessCpu.nanos() - cpuBefore;
      OptionalLong serverAfter = env.serverCpuNanos();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

      long[] lateness = awaitFirings(engine.client(), first, end, expected, fireTimes);
      long firings = lateness.length;
      double p99 = Figures.percentileMillis(lateness, 99);
      env.say(
          String.format(
              "  target: lateness p99 <= %.0f ms: %s (p99 %.1f ms over %d firings)",
              TARGET_P99_MS,
              firings > 0 && p99 <= TARGET_P99_MS ? "met" : "NOT met",
              p99,
              firings));
      Figures figures =
          new Figures()
              .put("schedules", n)
              .put("spec", spec.toString())
              .put("fire_times", fireTimes.size())
              .put("expected_firings", expected)
              .put("firings", firings)
              .put("late_p50_ms", Figures.percentileMillis(lateness, 50))
              .put("late_p99_ms", p99)
              .put("late_max_ms", Figures.percentileMillis(lateness, 100))
              .put("target_p99_ms", TARGET_P99_MS)
              .put("cpu_ms_per_firing", ProcessCpu.millisPerStep(cpu, Math.max(1, firings)));
      if (serverBefore.isPresent() && serverAfter.isPresent()) {
        figures.put(
            "server_cpu_ms_per_firing",
            ProcessCpu.millisPerStep(
                serverAfter.getAsLong() - serverBefore.getAsLong(), Math.max(1, firings)));
      }
      return figures.put("heap_used_mb", heap / (1024.0 * 1024.0));
    }
  }

  /** Creates schedules {@code bench-0 .. bench-(n-1)}, a few at a time. */
  private static void createAll(Schedules schedules, int n, ScheduleSpec spec)
      throws InterruptedException {
    TriggerAction action = TriggerAction.StartWorkflow.of(NoopWorkflow.TYPE, NoopWorkflow.QUEUE);
    Semaphore inFlight = new Semaphore(CONCURRENT_CREATES);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        ScheduleDefinition definition = ScheduleDefinition.of("bench-" + i, spec, action);
        inFlight.acquire();
        threads.execute(
            () -> {
              try {
                schedules.create(definition);
              } finally {
                inFlight.release();
              }
            });
      }
    }
  }

  /**
   * Returns the lateness (nanoseconds) of every run started for a fire time in {@code [first,
   * end)}, once all {@code expected} are there or {@link #FIRING_TIMEOUT} after the last fire time.
   */
  private static long[] awaitFirings(
      WeftClient client, Instant first, Instant end, long expected, List<Instant> fireTimes)
      throws InterruptedException {
    Instant last = fireTimes.get(fireTimes.size() - 1);
    Instant deadline = last.plus(FIRING_TIMEOUT);
    while (true) {
      List<Long> lateness = new ArrayList<>();
      WorkflowFilter filter = WorkflowFilter.all().withType(NoopWorkflow.TYPE).withPageSize(1000);
      WorkflowPage page = client.listWorkflows(filter);
      while (true) {
        for (WorkflowSummary run : page.workflows()) {
          nominal(run.workflowId())
              .filter(t -> !t.isBefore(first) && t.isBefore(end))
              .ifPresent(t -> lateness.add(Duration.between(t, run.startTime()).toNanos()));
        }
        if (page.nextPageToken() == null) {
          break;
        }
        page = client.listWorkflows(filter.pageToken(page.nextPageToken()));
      }
      if (lateness.size() >= expected || Instant.now().isAfter(deadline)) {
        return lateness.stream().mapToLong(l -> Math.max(0, l)).toArray();
      }
      Thread.sleep(500);
    }
  }

  /** The nominal fire time in a run's derived ID {@code <scheduleId>@<nominal>}. */
  private static Optional<Instant> nominal(String workflowId) {
    int at = workflowId.lastIndexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(workflowId.substring(at + 1)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
