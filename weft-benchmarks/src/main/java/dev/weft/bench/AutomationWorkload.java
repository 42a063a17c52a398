package dev.weft.bench;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.automation.AutomationCondition;
import dev.weft.engine.WeftEngine;
import dev.weft.store.RunRecord;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.AutomationLog;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Declarative automation's reaction time: an upstream asset materialized N times, one at a time,
 * and its {@code eager()} downstream: from each upstream materialization's commit to the start of
 * the downstream run automation starts for it (the run's start time in the store). The upstream's
 * commit time is taken as its materialization's finish time, just before the commit, so the figure
 * errs on the slow side. Each downstream run is awaited before the next upstream materialization
 * (eager() does not start a run of an asset in progress).
 */
final class AutomationWorkload implements Workload {
  /** Upstream materializations unless {@code --workflows} says otherwise. */
  static final int MATERIALIZATIONS = 300;

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "automation";
  }

  @Override
  public String description() {
    return "an upstream asset materialized N times and its eager() downstream: upstream commit to"
        + " downstream run start, p50/p99/max (--workflows materializations)";
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(
        new BenchOptions(
            options.store(),
            Math.max(5, options.workflows(MATERIALIZATIONS) / 10),
            options.activities(),
            options.length(),
            options.maxDelaySeconds(),
            options.nodes(),
            options.clients()));
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(MATERIALIZATIONS);
    AtomicReference<Assets> registered = new AtomicReference<>();
    try (WeftEngine engine =
        env.startEngine(
            e ->
                registered.set(
                    Assets.builder(e)
                        .definitions(
                            Asset.builder("bench/up").output(Integer.class).compute(ctx -> 1),
                            Asset.builder("bench/down")
                                .input("bench/up", Integer.class)
                                .output(Integer.class)
                                .automation(AutomationCondition.eager())
                                .compute(ctx -> ctx.input("bench/up", Integer.class)))
                        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                        .build()))) {
      Assets assets = registered.get();
      AutomationLog log = engine.store().extension(AutomationLog.class);
      long[] latencies = new long[n];
      long lastSeq = 0;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        assets.materialize("bench/up").await(TIMEOUT);
        Instant committed =
            assets.status(AssetKey.of("bench/up")).orElseThrow().current().finishedAt();
        AutomationEvaluationRecord fired = awaitFired(log, engine.namespace(), lastSeq);
        lastSeq = fired.toSeq();
        RunRecord run = engine.store().findRun(fired.runId()).orElseThrow();
        latencies[i] = Math.max(0, Duration.between(committed, run.startTime()).toNanos());
        engine.client().getHandle(run.workflowId()).getResult(TIMEOUT);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      env.say(String.format("  %d upstream materializations, each started its downstream", n));
      return new Figures()
          .put("materializations", n)
          .put("start_p50_ms", Figures.percentileMillis(latencies, 50))
          .put("start_p99_ms", Figures.percentileMillis(latencies, 99))
          .put("start_max_ms", Figures.percentileMillis(latencies, 100))
          .put("heap_used_mb", heap / (1024.0 * 1024.0))
          .wallSeconds(seconds);
    }
  }

  /** Waits for the first fired evaluation of the downstream after {@code afterSeq}. */
  private static AutomationEvaluationRecord awaitFired(
      AutomationLog log, String namespace, long afterSeq) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      List<AutomationEvaluationRecord> newest =
          log.evaluations(namespace, "bench/down", null, 5).evaluations();
      for (AutomationEvaluationRecord e : newest) {
        if (e.fired() && e.toSeq() > afterSeq) {
          return e;
        }
      }
      LockSupport.parkNanos(200_000);
    }
    throw new IllegalStateException(
        "no downstream run started within " + TIMEOUT + " of an upstream materialization");
  }
}
