package dev.weft.internal.step;

import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ExternalWorkflowCancelRequested;
import dev.weft.history.EventAttributes.ExternalWorkflowSignaled;
import dev.weft.history.EventAttributes.RequestCancelExternalWorkflowFailed;
import dev.weft.history.EventAttributes.RequestCancelExternalWorkflowInitiated;
import dev.weft.history.EventAttributes.SignalExternalWorkflowFailed;
import dev.weft.history.EventAttributes.SignalExternalWorkflowInitiated;
import dev.weft.internal.codec.EventCodec;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Signals and cancel requests one run sends another from workflow code, as writes of the sender's
 * workflow-task transaction: the event in the target's inbox with a workflow task, and the answer
 * the sender's code waits for. The target's inbox write is unconditional ({@code InsertInbox}
 * conflicts unless the target runs), so a target that closes after it was looked up makes the
 * sender's task run again and answer with the failure, never a signal reported sent and dropped.
 */
public final class ExternalWorkflows {
  private final Store store;
  private final EventCodec codec;

  public ExternalWorkflows(Store store, EventCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /**
   * What a command does: the writes that deliver it (none if the target does not run) and the event
   * that answers the sender.
   */
  public record Delivery(List<Write> writes, EventAttributes answer) {}

  /** A running target (its run and queue), or why there is none. */
  private record Target(String runId, String taskQueue, String missing) {}

  /**
   * Plans a signal.
   *
   * @param startedInBatch the children the same batch starts (they run once it commits)
   * @param senderCloses whether the sender's task closes the sender (its own inbox takes nothing)
   */
  Delivery signal(
      WorkflowInfo sender,
      SignalExternalWorkflowInitiated c,
      Map<String, ChildWorkflows.StartedChild> startedInBatch,
      boolean senderCloses,
      Instant now) {
    Target target = find(sender, c.workflowId(), c.runId(), startedInBatch, senderCloses);
    if (target.missing() != null) {
      return new Delivery(
          List.of(),
          new SignalExternalWorkflowFailed(c.seq(), c.workflowId(), c.runId(), target.missing()));
    }
    EventAttributes signal = new EventAttributes.SignalReceived(c.signalName(), c.input());
    return new Delivery(
        deliver(target, "SignalReceived", signal, now),
        new ExternalWorkflowSignaled(c.seq(), c.workflowId(), target.runId()));
  }

  /** Plans a cancel request; see {@link #signal}. */
  Delivery cancel(
      WorkflowInfo sender,
      RequestCancelExternalWorkflowInitiated c,
      Map<String, ChildWorkflows.StartedChild> startedInBatch,
      boolean senderCloses,
      Instant now) {
    Target target = find(sender, c.workflowId(), c.runId(), startedInBatch, senderCloses);
    if (target.missing() != null) {
      return new Delivery(
          List.of(),
          new RequestCancelExternalWorkflowFailed(
              c.seq(), c.workflowId(), c.runId(), target.missing()));
    }
    EventAttributes cancel =
        new EventAttributes.WorkflowCancelRequested(
            "cancel requested by workflow '"
                + sender.workflowId()
                + "' (run "
                + sender.runId()
                + ")");
    return new Delivery(
        deliver(target, "WorkflowCancelRequested", cancel, now),
        new ExternalWorkflowCancelRequested(c.seq(), c.workflowId(), target.runId()));
  }

  private List<Write> deliver(Target target, String type, EventAttributes event, Instant now) {
    return List.of(
        new Write.InsertInbox(target.runId(), type, now, codec.encode(event)),
        new Write.EnsureWorkflowTask(target.runId(), target.taskQueue(), now));
  }

  private Target find(
      WorkflowInfo sender,
      String workflowId,
      String runId,
      Map<String, ChildWorkflows.StartedChild> startedInBatch,
      boolean senderCloses) {
    String named =
        "external workflow '" + workflowId + "'" + (runId == null ? "" : " run " + runId);
    RunRecord run;
    if (runId == null) {
      ChildWorkflows.StartedChild child = startedInBatch.get(workflowId);
      if (child != null) {
        return new Target(child.runId(), child.taskQueue(), null);
      }
      run = store.findLatestRun(sender.namespace(), workflowId).orElse(null);
    } else {
      run =
          store
              .findRun(runId)
              .filter(r -> r.workflowId().equals(workflowId))
              .filter(r -> r.namespace().equals(sender.namespace()))
              .orElse(null);
    }
    if (run == null) {
      return new Target(null, null, named + " not found");
    }
    if (run.status() != WorkflowStatus.RUNNING) {
      return new Target(
          null,
          null,
          named
              + " not found running: "
              + (runId == null ? "its latest run " + run.runId() + " is " : "it is ")
              + run.status());
    }
    if (senderCloses && run.runId().equals(sender.runId())) {
      return new Target(
          null, null, named + " is the sending run, which closes in the same workflow task");
    }
    return new Target(run.runId(), run.taskQueue(), null);
  }
}
