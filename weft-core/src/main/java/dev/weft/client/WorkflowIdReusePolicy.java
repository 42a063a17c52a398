package dev.weft.client;

/**
 * Whether a workflow ID may be used by a new run once earlier runs with it have closed. While a run
 * with the ID is running, a start is always refused (or joins it, see {@link
 * WorkflowIdConflictPolicy}).
 */
public enum WorkflowIdReusePolicy {
  /** A new run may start once the previous one closed, whatever its outcome (the default). */
  ALLOW_DUPLICATE,
  /** A new run may start only if every previous run ended unsuccessfully (not COMPLETED). */
  ALLOW_DUPLICATE_FAILED_ONLY,
  /** The ID can never be used again once a run had it. */
  REJECT_DUPLICATE
}
