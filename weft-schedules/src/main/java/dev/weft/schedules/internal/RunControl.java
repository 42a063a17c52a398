package dev.weft.schedules.internal;

import dev.weft.client.WeftClient;
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
    List<String> open = new ArrayList<>();
    for (String id : workflowIds) {
      try {
        if (client.getHandle(id).describe().status() == WorkflowStatus.RUNNING) {
          open.add(id);
        }
      } catch (WorkflowNotFoundException e) {
        // never started or deleted by retention: not running
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
