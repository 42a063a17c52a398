package dev.weft.internal.step;

import dev.weft.common.WorkflowStatus;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ChildWorkflowClosed;
import dev.weft.history.EventAttributes.ChildWorkflowStartFailed;
import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.WorkflowCanceled;
import dev.weft.history.EventAttributes.WorkflowCompleted;
import dev.weft.history.EventAttributes.WorkflowFailed;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.Failure;
import dev.weft.history.HistoryEvent;
import dev.weft.history.ParentRun;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.runtime.OpenChild;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import dev.weft.workflow.ParentClosePolicy;
import dev.weft.workflow.WorkflowInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The links between a parent run and its child workflows, as writes: telling the parent how the
 * child ended, asking a child to cancel, and applying the parent-close policy to children still
 * running when the parent closes ({@link ChildStarts} starts them). Messages between the two runs
 * are {@link Write.IfRunning} groups, so neither side's transaction fails because the other closed.
 */
public final class ChildWorkflows {
  /**
   * The sequence number of the timer that terminates a child whose parent closed (parent-close
   * policy TERMINATE). Commands number from 1 and the deadline timer is 0.
   */
  public static final long TERMINATE_TIMER_SEQ = -1;

  private final Store store;
  private final EventCodec codec;
  private final EventRecords events;

  public ChildWorkflows(Store store, EventCodec codec, EventRecords events) {
    this.store = store;
    this.codec = codec;
    this.events = events;
  }

  /** A child started in this batch: its run and queue. */
  public record StartedChild(String runId, String taskQueue) {}

  /**
   * Returns the writes that tell a run's parent how it ended, if it has a parent; nothing happens
   * if the parent closed meanwhile.
   *
   * @param status COMPLETED, FAILED, CANCELED, TERMINATED or TIMED_OUT
   */
  public List<Write> notifyParent(
      WorkflowStarted started,
      String workflowId,
      String runId,
      WorkflowStatus status,
      Payload result,
      Failure failure,
      Instant now) {
    if (started == null || started.parent() == null) {
      return List.of();
    }
    ParentRun parent = started.parent();
    EventAttributes event =
        new ChildWorkflowClosed(parent.seq(), workflowId, runId, status.name(), result, failure);
    return List.of(
        new Write.IfRunning(
            parent.runId(),
            List.of(
                new Write.InsertInbox(
                    parent.runId(), "ChildWorkflowClosed", now, codec.encode(event)),
                new Write.EnsureWorkflowTask(parent.runId(), parent.taskQueue(), now))));
  }

  /**
   * Returns the writes that tell a run's parent (if any) how it ended, from the closing command the
   * run's last workflow task recorded.
   *
   * @param closing the recorded closing command ({@code WorkflowCompleted}, {@code WorkflowFailed}
   *     or {@code WorkflowCanceled})
   */
  List<Write> notifyParentOfClose(
      WorkflowInfo run,
      WorkflowStarted started,
      WorkflowStatus status,
      EventRecord closing,
      Instant now) {
    if (started == null || started.parent() == null) {
      return List.of();
    }
    EventAttributes command = codec.decode(closing.data());
    Payload result = command instanceof WorkflowCompleted c ? c.result() : null;
    Failure failure =
        switch (command) {
          case WorkflowFailed f -> f.failure();
          case WorkflowCanceled c ->
              new Failure(
                  Failure.CANCELED,
                  "Canceled",
                  c.details() == null ? "workflow cancelled" : c.details(),
                  "",
                  false,
                  0,
                  0,
                  null);
          default -> null;
        };
    return notifyParent(started, run.workflowId(), run.runId(), status, result, failure, now);
  }

  /** Returns the writes that ask a child to cancel, if it still runs. */
  public List<Write> requestCancel(
      WorkflowInfo parent,
      String childWorkflowId,
      Map<String, StartedChild> startedInBatch,
      String why,
      Instant now) {
    StartedChild child = find(parent, childWorkflowId, startedInBatch);
    if (child == null) {
      return List.of();
    }
    EventAttributes cancel = new EventAttributes.WorkflowCancelRequested(why);
    return List.of(
        new Write.IfRunning(
            child.runId(),
            List.of(
                new Write.InsertInbox(
                    child.runId(), "WorkflowCancelRequested", now, codec.encode(cancel)),
                new Write.EnsureWorkflowTask(child.runId(), child.taskQueue(), now))));
  }

  /**
   * Returns the writes that apply the parent-close policy to the children still open when {@code
   * parent} closes: a termination timer (TERMINATE), a cancel request (REQUEST_CANCEL), nothing
   * (ABANDON).
   */
  public List<Write> onParentClose(
      WorkflowInfo parent,
      List<OpenChild> children,
      Map<String, StartedChild> startedInBatch,
      Instant now) {
    List<Write> writes = new ArrayList<>();
    for (OpenChild open : children) {
      switch (open.policy()) {
        case ABANDON -> {}
        case TERMINATE -> {
          StartedChild child = find(parent, open.workflowId(), startedInBatch);
          if (child != null) {
            writes.add(
                new Write.IfRunning(
                    child.runId(),
                    List.of(
                        new Write.InsertTimer(
                            new TimerRecord(child.runId(), TERMINATE_TIMER_SEQ, now)))));
          }
        }
        case REQUEST_CANCEL ->
            writes.addAll(
                requestCancel(
                    parent,
                    open.workflowId(),
                    startedInBatch,
                    "parent workflow '"
                        + parent.workflowId()
                        + "' (run "
                        + parent.runId()
                        + ") closed; parent close policy REQUEST_CANCEL",
                    now));
      }
    }
    return writes;
  }

  /**
   * Returns the children a closed run's history shows started and not closed (for closes that run
   * none of its code: terminate, timeout).
   */
  public static List<OpenChild> openChildren(List<HistoryEvent> history) {
    Map<Long, OpenChild> open = new LinkedHashMap<>();
    for (HistoryEvent e : history) {
      switch (e.attributes()) {
        case StartChildWorkflowInitiated c ->
            open.put(
                c.seq(),
                new OpenChild(c.workflowId(), ParentClosePolicy.valueOf(c.parentClosePolicy())));
        case ChildWorkflowStartFailed f -> open.remove(f.seq());
        case ChildWorkflowClosed c -> open.remove(c.seq());
        default -> {}
      }
    }
    return new ArrayList<>(open.values());
  }

  /** The child's current run, if it runs and is this parent's child. */
  private StartedChild find(
      WorkflowInfo parent, String childWorkflowId, Map<String, StartedChild> startedInBatch) {
    StartedChild inBatch = startedInBatch.get(childWorkflowId);
    if (inBatch != null) {
      return inBatch;
    }
    RunRecord latest = store.findLatestRun(parent.namespace(), childWorkflowId).orElse(null);
    if (latest == null || latest.status() != WorkflowStatus.RUNNING) {
      return null;
    }
    List<HistoryEvent> first = events.decode(store.readHistory(latest.runId(), 1));
    if (first.isEmpty()
        || !(first.get(0).attributes() instanceof WorkflowStarted s)
        || s.parent() == null
        || !s.parent().runId().equals(parent.runId())) {
      return null;
    }
    return new StartedChild(latest.runId(), latest.taskQueue());
  }
}
