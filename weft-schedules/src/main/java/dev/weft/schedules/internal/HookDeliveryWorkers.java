package dev.weft.schedules.internal;

import dev.weft.engine.WeftEngine;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Registers the webhook delivery workflow on an engine's trigger worker once, however many apps
 * ({@code Webhooks} builders) of the engine define hooks.
 */
public final class HookDeliveryWorkers {
  private static final Set<WeftEngine> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

  private HookDeliveryWorkers() {}

  /** Registers {@link HookDeliveryWorkflow} on {@code engine}'s trigger worker, unless done. */
  public static void register(WeftEngine engine) {
    Objects.requireNonNull(engine, "engine");
    synchronized (REGISTERED) {
      if (REGISTERED.add(engine)) {
        TriggerWorkers.register(engine)
            .registerWorkflow(HookDeliveryWorkflow.class, HookDeliveryRun::new);
      }
    }
  }
}
