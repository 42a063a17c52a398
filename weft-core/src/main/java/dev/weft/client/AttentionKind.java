package dev.weft.client;

/** Why a running run needs an operator's attention (see {@link AttentionReason}). */
public enum AttentionKind {
  /** Its workflow task failed and is being retried (for example a non-determinism error). */
  WORKFLOW_TASK_FAILING,
  /** Its workflow task waits with no worker to take it (no worker polls its queue or type). */
  WORKFLOW_TASK_STALLED,
  /** An activity attempt failed and the activity is retrying. */
  ACTIVITY_RETRYING,
  /** An activity waits with no worker to take it. */
  ACTIVITY_STALLED
}
