package dev.weft.internal.step;

import dev.weft.engine.HistoryLimits;
import dev.weft.internal.engine.EagerDispatch;
import dev.weft.internal.runtime.WorkflowRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the history limits to a workflow task about to commit: logs when the run's history
 * crosses a warning limit, and terminates the run instead of committing a task that would take it
 * past a hard limit.
 */
public final class HistoryGrowth {
  private static final Logger log = LoggerFactory.getLogger(HistoryGrowth.class);

  private final HistoryLimits limits;
  private final RunClosures closures;
  private final EagerDispatch dispatch;

  public HistoryGrowth(HistoryLimits limits, RunClosures closures, EagerDispatch dispatch) {
    this.limits = limits;
    this.closures = closures;
    this.dispatch = dispatch;
  }

  /**
   * Returns whether the task may commit. If not, its reserved slots were given back and the run was
   * terminated, with the reason in its history.
   */
  public boolean allow(WorkflowRunner runner, PreparedCommit prepared) {
    long eventsBefore = runner.nextEventId() - 1;
    long bytesBefore = runner.historyBytes();
    long eventsAfter = eventsBefore + prepared.appendedEvents();
    long bytesAfter = bytesBefore + prepared.appendedBytes();
    if (limits.exceeds(eventsAfter, bytesAfter)) {
      prepared.release(dispatch);
      String reason =
          "history limit exceeded: the next workflow task would leave "
              + limits.describe(eventsAfter, bytesAfter);
      log.error(
          "terminating run {} of workflow '{}': {}",
          runner.info().runId(),
          runner.info().workflowId(),
          reason);
      closures.terminate(runner.info().runId(), reason);
      return false;
    }
    if (limits.warns(eventsAfter, bytesAfter) && !limits.warns(eventsBefore, bytesBefore)) {
      log.warn(
          "run {} of workflow '{}' is past a history warning limit: {}",
          runner.info().runId(),
          runner.info().workflowId(),
          limits.describe(eventsAfter, bytesAfter));
    }
    return true;
  }
}
