package dev.weft.schedules.internal;

import dev.weft.engine.WeftEngine;
import java.util.List;
import java.util.Objects;

/**
 * {@link RunControlActivities} in the namespace of the schedule that calls it: a schedule created
 * in namespace X follows, cancels and terminates its runs in X ({@link RunControl} through that
 * namespace's client).
 */
public final class NamespacedRunControl implements RunControlActivities {
  private final CallerNamespaces namespaces;

  /** Controls runs through {@code engine}'s client of each calling schedule's namespace. */
  public NamespacedRunControl(WeftEngine engine) {
    this.namespaces = new CallerNamespaces(Objects.requireNonNull(engine, "engine"));
  }

  @Override
  public List<String> openRuns(List<String> workflowIds) {
    return new RunControl(namespaces.client()).openRuns(workflowIds);
  }

  @Override
  public void cancel(List<String> workflowIds, String reason) {
    new RunControl(namespaces.client()).cancel(workflowIds, reason);
  }

  @Override
  public void terminate(List<String> workflowIds, String reason) {
    new RunControl(namespaces.client()).terminate(workflowIds, reason);
  }
}
