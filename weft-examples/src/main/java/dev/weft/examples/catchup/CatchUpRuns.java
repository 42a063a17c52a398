package dev.weft.examples.catchup;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowDescription;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain of runs of a workflow that continued as new, found by following each run's last history
 * event ({@code WorkflowContinuedAsNew}) to the next run.
 */
public final class CatchUpRuns {
  private CatchUpRuns() {}

  /**
   * Returns the descriptions of the runs from {@code firstRunId} on, in order.
   *
   * @throws dev.weft.failure.WorkflowNotFoundException if a run of the chain does not exist
   */
  public static List<WorkflowDescription> follow(
      WeftClient client, String workflowId, String firstRunId) {
    List<WorkflowDescription> runs = new ArrayList<>();
    String runId = firstRunId;
    while (runId != null) {
      var handle = client.getHandle(workflowId, runId);
      runs.add(handle.describe());
      List<HistoryEvent> events = handle.fetchHistory().events();
      runId =
          events.isEmpty()
                  || !(events.get(events.size() - 1).attributes()
                      instanceof EventAttributes.WorkflowContinuedAsNew next)
              ? null
              : next.newRunId();
    }
    return runs;
  }
}
