package dev.weft.internal.client;

import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.internal.step.RunStarts;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;

/** Says why a start was refused: which run holds the workflow ID and which policy decided. */
final class StartConflicts {
  private StartConflicts() {}

  /**
   * The exception for a refused start.
   *
   * @param existing the latest run of the workflow ID as read after the refusal, or null
   * @param conflict what the store said
   */
  static WorkflowAlreadyStartedException refused(
      String workflowId,
      RunRecord existing,
      CommitResult.Conflict conflict,
      WorkflowOptions options) {
    return new WorkflowAlreadyStartedException(
        workflowId, existing == null ? null : existing.runId(), why(existing, conflict, options));
  }

  private static String why(
      RunRecord existing, CommitResult.Conflict conflict, WorkflowOptions options) {
    if (existing != null
        && existing.status() == WorkflowStatus.RUNNING
        && options.idConflictPolicy() == WorkflowIdConflictPolicy.TERMINATE_EXISTING
        && RunStarts.conflictingStatuses(options.idReusePolicy())
            .contains(WorkflowStatus.TERMINATED)) {
      return "run "
          + existing.runId()
          + " is RUNNING; WorkflowIdConflictPolicy.TERMINATE_EXISTING would terminate it, but"
          + " WorkflowIdReusePolicy."
          + options.idReusePolicy()
          + " refuses a new run after a TERMINATED one (nothing was terminated)";
    }
    if (existing != null && existing.status() == WorkflowStatus.RUNNING) {
      return "run "
          + existing.runId()
          + " is RUNNING, and WorkflowIdConflictPolicy."
          + options.idConflictPolicy()
          + " refuses a second start; use WorkflowIdConflictPolicy.USE_EXISTING to get the"
          + " running run instead, TERMINATE_EXISTING to replace it, or another workflow ID";
    }
    if (existing != null
        && RunStarts.conflictingStatuses(options.idReusePolicy()).contains(existing.status())) {
      return "run "
          + existing.runId()
          + " closed as "
          + existing.status()
          + ", and WorkflowIdReusePolicy."
          + options.idReusePolicy()
          + switch (options.idReusePolicy()) {
            case REJECT_DUPLICATE ->
                " refuses a new run of an ID that had a run; use another workflow ID, or"
                    + " WorkflowIdReusePolicy.ALLOW_DUPLICATE";
            case ALLOW_DUPLICATE_FAILED_ONLY ->
                " allows a new run only after runs that did not complete; use"
                    + " WorkflowIdReusePolicy.ALLOW_DUPLICATE to start one anyway";
            case ALLOW_DUPLICATE -> " refuses it";
          };
    }
    // the run that refused the start changed since (it closed, or another run started): say what
    // the store saw
    return conflict.reason()
        + " (WorkflowIdConflictPolicy."
        + options.idConflictPolicy()
        + ", WorkflowIdReusePolicy."
        + options.idReusePolicy()
        + ")";
  }
}
