package dev.weft.schedules;

/**
 * What a schedule does when a firing comes while the run a previous firing started is still
 * running, as in Temporal. It applies to actions that start a run (a workflow start, a
 * materialization); a signal has no run of its own and always fires.
 */
public enum OverlapPolicy {
  /** The new firing does not run; it is recorded as skipped (the default). */
  SKIP,
  /** The new firing runs once the running one closes; at most one waits, later ones are skipped. */
  BUFFER_ONE,
  /** Every new firing waits, in order, and each runs once the one before it closed. */
  BUFFER_ALL,
  /** The running run is cancelled; the new firing runs once it closed. */
  CANCEL_OTHER,
  /** The running run is terminated and the new firing runs at once. */
  TERMINATE_OTHER,
  /** The new firing runs at once, beside the running ones. */
  ALLOW_ALL
}
