package dev.weft.internal.step;

import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.common.Priority;
import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes.ChildWorkflowStartFailed;
import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.ParentRun;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts child workflows in their parent's workflow-task transaction: the child's run, its start
 * event (naming its parent and the command's sequence number) and its first workflow task. A taken
 * workflow ID becomes a {@code ChildWorkflowStartFailed} for the parent, never a conflict that
 * would make the parent's task retry forever.
 */
public final class ChildStarts {
  private final Store store;
  private final TimeOrderedIds ids;
  private final RunStarts starts;

  public ChildStarts(Store store, TimeOrderedIds ids, RunStarts starts) {
    this.store = store;
    this.ids = ids;
    this.starts = starts;
  }

  /**
   * The outcome of a start command: the command as recorded (with the child's run ID) and the
   * writes that start the child; or, if the ID is taken, the event that tells the parent.
   */
  public record ChildStart(
      StartChildWorkflowInitiated command, List<Write> writes, ChildWorkflowStartFailed failed) {}

  /**
   * Plans the start of a child workflow commanded by {@code parent}.
   *
   * @param startedInBatch the children the same batch starts already (their IDs are taken too)
   */
  public ChildStart start(
      WorkflowInfo parent,
      StartChildWorkflowInitiated c,
      Map<String, ChildWorkflows.StartedChild> startedInBatch,
      Instant now) {
    ChildWorkflows.StartedChild sibling = startedInBatch.get(c.workflowId());
    if (sibling != null) {
      return new ChildStart(
          c,
          List.of(),
          new ChildWorkflowStartFailed(
              c.seq(),
              c.workflowId(),
              "workflow ID '"
                  + c.workflowId()
                  + "' is taken: run "
                  + sibling.runId()
                  + " is RUNNING (started by the same workflow task)"));
    }
    Set<WorkflowStatus> conflicting =
        RunStarts.conflictingStatuses(WorkflowIdReusePolicy.valueOf(c.idReusePolicy()));
    Optional<RunRecord> taken =
        store
            .listRuns(new RunQuery(parent.namespace(), null, null, c.workflowId(), 100, null))
            .runs()
            .stream()
            .filter(r -> conflicting.contains(r.status()))
            .findFirst();
    if (taken.isPresent()) {
      RunRecord existing = taken.get();
      String reason =
          "workflow ID '"
              + c.workflowId()
              + "' is taken: run "
              + existing.runId()
              + " is "
              + existing.status()
              + (existing.status() == WorkflowStatus.RUNNING
                  ? ""
                  : " and the ID reuse policy " + c.idReusePolicy() + " forbids another run");
      return new ChildStart(
          c, List.of(), new ChildWorkflowStartFailed(c.seq(), c.workflowId(), reason));
    }
    String runId = ids.next();
    WorkflowStarted started =
        new WorkflowStarted(
            c.workflowType(),
            c.workflowId(),
            c.taskQueue(),
            c.input(),
            null,
            new ParentRun(parent.workflowId(), parent.runId(), c.seq(), parent.taskQueue()),
            1,
            c.executionTimeout() == null ? null : now.plus(c.executionTimeout()),
            c.runTimeout(),
            c.retryPolicy(),
            c.searchAttributes(),
            c.memo(),
            c.priority() == null ? Priority.DEFAULT : c.priority(),
            true);
    RunRecord run =
        RunRecord.started(
            parent.namespace(), c.workflowId(), runId, c.workflowType(), c.taskQueue(), now);
    List<Write> writes = new ArrayList<>(starts.writes(run, started, conflicting, now, now));
    writes.add(new Write.EnsureWorkflowTask(runId, c.taskQueue(), now));
    return new ChildStart(c.withRunId(runId), writes, null);
  }
}
