package dev.weft.schedules;

/** The state of a sensor as an operator sees it. */
public enum SensorStatus {
  /** Evaluating on its interval; its last evaluation succeeded (or none happened yet). */
  RUNNING,
  /** Paused by an operator (or defined paused): not evaluating until unpaused. */
  PAUSED,
  /** Its last evaluation failed: retrying with backoff until one succeeds. */
  FAILING
}
