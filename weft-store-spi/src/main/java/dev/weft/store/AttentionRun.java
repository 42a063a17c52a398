package dev.weft.store;

import java.util.List;
import java.util.Objects;

/**
 * A running run that needs attention, with the tasks that make it so.
 *
 * @param run the run
 * @param workflowTask its workflow task if that one failed ({@code attempt > 1}) or waits unclaimed
 *     since before the query's {@code waitingSince}; otherwise {@code null}
 * @param activityTasks its activity tasks that are retrying (an attempt failed) or wait unclaimed
 *     since before {@code waitingSince}, in seq order
 */
public record AttentionRun(
    RunRecord run, WorkflowTaskRecord workflowTask, List<ActivityTaskState> activityTasks) {

  /** Copies the list. */
  public AttentionRun {
    Objects.requireNonNull(run, "run");
    activityTasks = List.copyOf(activityTasks);
  }
}
