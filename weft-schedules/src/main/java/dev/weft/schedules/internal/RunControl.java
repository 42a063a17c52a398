package dev.weft.schedules.internal;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.failure.WorkflowNotRunningException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** {@link RunControlActivities} through a {@link WeftClient}. */
public final class RunControl implements RunControlActivities {
  private final WeftClient client;

  /** Controls runs through {@code client}. */
  public RunControl(WeftClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public List<String> openRuns(List<String> workflowIds) {
    // one count of running runs per ID (one read), not a describe of its latest run (a read to
    // find the run, then its pending activities, timers and children): only the status matters.
    // A workflow never started or deleted by retention counts no running run.
    List<String> open = new ArrayList<>();
    for (String id : workflowIds) {
      WorkflowFilter running =
          WorkflowFilter.all().withWorkflowId(id).withStatus(WorkflowStatus.RUNNING);
      if (client.countWorkflows(running) > 0) {
        open.add(id);
      }
    }
    return open;
  }

  @Override
  public void cancel(List<String> workflowIds, String reason) {
    each(workflowIds, h -> h.cancel(reason));
  }

  @Override
  public void terminate(List<String> workflowIds, String reason) {
    each(workflowIds, h -> h.terminate(reason));
  }

  private void each(List<String> workflowIds, Consumer<WorkflowHandle<Object>> action) {
    for (String id : workflowIds) {
      try {
        action.accept(client.getHandle(id));
      } catch (WorkflowNotFoundException | WorkflowNotRunningException e) {
        // closed meanwhile: nothing to do
      }
    }
  }
}
