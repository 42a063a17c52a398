package dev.weft.schedules.internal;

import dev.weft.assets.AssetBackfills;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.SensorFunction;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the sensor builders of one engine share. An engine has one worker per queue, and an app and
 * the node that serves it (or two apps) may each build sensors on the same engine: the first
 * builder registers the sensor workflow, the first one with sensors registers the evaluation worker
 * over a map of functions that the later ones add to, and the first backfills given serve every
 * builder's backfill requests.
 */
public final class SensorHosts {
  private static final Map<WeftEngine, SensorHosts> ENGINES = new WeakHashMap<>();

  private final WeftEngine engine;
  private final Map<String, SensorFunction> functions = new ConcurrentHashMap<>();
  private final AtomicReference<AssetBackfills> backfills = new AtomicReference<>();
  private boolean evaluating;

  private SensorHosts(WeftEngine engine) {
    this.engine = engine;
    TriggerWorkers.register(engine).registerWorkflow(SensorWorkflow.class, SensorLoop::new);
  }

  /**
   * Returns the sensors hosted by {@code engine}, registering the sensor workflow on the first
   * call. Call it before the engine starts.
   */
  public static SensorHosts of(WeftEngine engine) {
    Objects.requireNonNull(engine, "engine");
    synchronized (ENGINES) {
      return ENGINES.computeIfAbsent(engine, SensorHosts::new);
    }
  }

  /**
   * Adds a builder's sensor functions (and its backfills, if none were given before), registering
   * the evaluation worker with the first functions.
   *
   * @throws IllegalArgumentException if another builder on the engine defined one of the names
   *     (nothing is added then)
   */
  public synchronized void add(Map<String, SensorFunction> more, AssetBackfills given) {
    for (String name : more.keySet()) {
      if (functions.containsKey(name)) {
        throw new IllegalArgumentException(
            "sensor '" + name + "' is defined twice on this engine: expected unique names");
      }
    }
    if (more.isEmpty()) {
      return;
    }
    functions.putAll(more);
    if (given != null) {
      backfills.compareAndSet(null, given);
    }
    if (!evaluating) {
      engine
          .newWorker(SensorWorkflow.EVALUATION_QUEUE)
          .registerWorkflow(SensorBackfillWorkflow.class, SensorBackfill::new)
          .registerActivities(new SensorEvaluator(functions))
          .registerActivities(new BackfillLauncher(backfills::get));
      evaluating = true;
    }
  }
}
