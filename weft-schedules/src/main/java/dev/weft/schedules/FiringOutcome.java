package dev.weft.schedules;

/** What a schedule did with one firing. */
public enum FiringOutcome {
  /**
   * The action ran: a run was started (or found, when the firing was repeated), or a signal sent.
   */
  STARTED,
  /** The action did not run; the firing's reason says why (paused, missed, overlap). */
  SKIPPED,
  /** The firing waits for the running run to close (overlap policy BUFFER_ONE, BUFFER_ALL). */
  BUFFERED,
  /** The action failed (an unknown workflow to signal, an unknown asset); the reason says how. */
  FAILED
}
