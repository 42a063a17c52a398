package dev.weft.engine;

import java.util.Objects;

/**
 * How much work a worker runs at once on its task queue, and how it takes it.
 *
 * @param workflowSlots the maximum number of workflow tasks running at once
 * @param activitySlots the maximum number of activity attempts whose code runs at once (an
 *     attempt's slot is free again once its code returned, while its outcome is being committed)
 * @param workflowPollers how many loops claim workflow tasks from the queue at once (more help a
 *     remote store, where a claim is a round trip)
 * @param activityPollers how many loops claim activity tasks from the queue at once
 * @param resourceLimits the CPU and heap thresholds above which the worker stops taking tasks
 */
public record WorkerOptions(
    int workflowSlots,
    int activitySlots,
    int workflowPollers,
    int activityPollers,
    ResourceLimits resourceLimits) {

  /** The defaults: 200 workflow tasks and 200 activity attempts at once, one poller each. */
  public static final WorkerOptions DEFAULTS = new WorkerOptions(200, 200);

  /** Validates the options; each error names the field and value. */
  public WorkerOptions {
    if (workflowSlots < 1) {
      throw new IllegalArgumentException(
          "WorkerOptions.workflowSlots must be >= 1, was " + workflowSlots);
    }
    if (activitySlots < 1) {
      throw new IllegalArgumentException(
          "WorkerOptions.activitySlots must be >= 1, was " + activitySlots);
    }
    if (workflowPollers < 1 || workflowPollers > workflowSlots) {
      throw new IllegalArgumentException(
          "WorkerOptions.workflowPollers must be between 1 and workflowSlots ("
              + workflowSlots
              + "), was "
              + workflowPollers);
    }
    if (activityPollers < 1 || activityPollers > activitySlots) {
      throw new IllegalArgumentException(
          "WorkerOptions.activityPollers must be between 1 and activitySlots ("
              + activitySlots
              + "), was "
              + activityPollers);
    }
    Objects.requireNonNull(resourceLimits, "WorkerOptions.resourceLimits");
  }

  /** Slots only: one poller of each kind, no resource limits. */
  public WorkerOptions(int workflowSlots, int activitySlots) {
    this(workflowSlots, activitySlots, 1, 1, ResourceLimits.NONE);
  }

  /** Returns a builder starting from the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds {@link WorkerOptions}. */
  public static final class Builder {
    private int workflowSlots = DEFAULTS.workflowSlots;
    private int activitySlots = DEFAULTS.activitySlots;
    private int workflowPollers = 1;
    private int activityPollers = 1;
    private ResourceLimits resourceLimits = ResourceLimits.NONE;

    private Builder() {}

    /** Sets the maximum number of workflow tasks running at once (default 200). */
    public Builder workflowSlots(int slots) {
      this.workflowSlots = slots;
      return this;
    }

    /**
     * Sets the maximum number of activity attempts whose code runs at once (default 200); an
     * attempt's slot is free again once its code returned, while its outcome is being committed.
     */
    public Builder activitySlots(int slots) {
      this.activitySlots = slots;
      return this;
    }

    /** Sets how many loops claim workflow tasks at once (default 1). */
    public Builder workflowPollers(int pollers) {
      this.workflowPollers = pollers;
      return this;
    }

    /** Sets how many loops claim activity tasks at once (default 1). */
    public Builder activityPollers(int pollers) {
      this.activityPollers = pollers;
      return this;
    }

    /** Stops taking tasks above these CPU and heap thresholds (default: no limits). */
    public Builder resourceLimits(ResourceLimits limits) {
      this.resourceLimits = limits;
      return this;
    }

    /** Returns the options; throws {@link IllegalArgumentException} naming an invalid field. */
    public WorkerOptions build() {
      return new WorkerOptions(
          workflowSlots, activitySlots, workflowPollers, activityPollers, resourceLimits);
    }
  }
}
