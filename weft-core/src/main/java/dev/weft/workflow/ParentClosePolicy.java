package dev.weft.workflow;

/**
 * What happens to a child workflow that is still running when its parent run closes (completes,
 * fails, is cancelled, terminated, times out or continues as new).
 */
public enum ParentClosePolicy {
  /** The child is terminated (the default, as in Temporal). */
  TERMINATE,
  /** The child is asked to cancel: its code sees the cancellation and may clean up. */
  REQUEST_CANCEL,
  /** The child runs on, on its own. */
  ABANDON
}
