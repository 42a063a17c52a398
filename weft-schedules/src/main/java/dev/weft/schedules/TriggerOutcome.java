package dev.weft.schedules;

/** What running a {@link TriggerAction} did. */
public enum TriggerOutcome {
  /** A new run was started with the firing's derived ID. */
  STARTED,
  /**
   * A run with the firing's derived ID existed already (the firing was repeated, after a crash or
   * on another node): nothing new was started.
   */
  ALREADY_STARTED,
  /** The workflow was signaled. */
  SIGNALED
}
