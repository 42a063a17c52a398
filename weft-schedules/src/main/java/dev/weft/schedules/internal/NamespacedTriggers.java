package dev.weft.schedules.internal;

import dev.weft.engine.WeftEngine;
import dev.weft.schedules.TriggerAction;
import dev.weft.schedules.TriggerResult;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link TriggerActivities} in the namespace of the trigger that calls it: a schedule created in
 * namespace X starts and signals its runs in X ({@link TriggerActions} through that namespace's
 * client).
 */
public final class NamespacedTriggers implements TriggerActivities {
  private final CallerNamespaces namespaces;
  private final FirePartitions firePartitions;

  /** Runs actions through {@code engine}'s client of each calling trigger's namespace. */
  public NamespacedTriggers(WeftEngine engine) {
    this.namespaces = new CallerNamespaces(Objects.requireNonNull(engine, "engine"));
    this.firePartitions = new FirePartitions(engine);
  }

  @Override
  public TriggerResult run(TriggerAction action, String derivedId, Instant fireTime) {
    return new TriggerActions(namespaces.client(), firePartitions).run(action, derivedId, fireTime);
  }
}
