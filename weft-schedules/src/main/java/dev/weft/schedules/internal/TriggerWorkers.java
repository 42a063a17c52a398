package dev.weft.schedules.internal;

import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * The worker of the internal task queue {@value #TASK_QUEUE}, where schedules, sensors and webhook
 * deliveries run, with the trigger activity ({@link TriggerActivities}) and the built-in workflow
 * of the materialize action ({@link MaterializeTriggerWorkflow}) registered on it.
 *
 * <p>An engine has one worker per queue, and schedules, sensors and webhooks are built by separate
 * facades: the first one to ask creates the worker, the next ones get the same worker and add their
 * own workflows to it.
 */
public final class TriggerWorkers {
  /** The internal task queue of every trigger's built-in workflows and activities. */
  public static final String TASK_QUEUE = "__weft_schedules";

  private static final Map<WeftEngine, Worker> WORKERS = new WeakHashMap<>();

  private TriggerWorkers() {}

  /**
   * Returns the worker of {@value #TASK_QUEUE} on {@code engine}, creating it with the trigger
   * activity and workflows on the first call. Call it before the engine starts.
   *
   * @throws IllegalStateException if the engine started before the first call
   */
  public static Worker register(WeftEngine engine) {
    Objects.requireNonNull(engine, "engine");
    synchronized (WORKERS) {
      return WORKERS.computeIfAbsent(engine, TriggerWorkers::create);
    }
  }

  private static Worker create(WeftEngine engine) {
    Worker worker = engine.newWorker(TASK_QUEUE);
    worker.registerWorkflow(MaterializeTriggerWorkflow.class, MaterializeTrigger::new);
    worker.registerActivities(new NamespacedTriggers(engine));
    return worker;
  }
}
