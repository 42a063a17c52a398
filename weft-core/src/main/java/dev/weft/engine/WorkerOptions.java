package dev.weft.engine;

/**
 * How much work a worker runs at once on its task queue.
 *
 * @param workflowSlots the maximum number of workflow tasks running at once
 * @param activitySlots the maximum number of activity attempts running at once
 */
public record WorkerOptions(int workflowSlots, int activitySlots) {

  /** The defaults: 200 workflow tasks and 200 activity attempts at once. */
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
  }
}
