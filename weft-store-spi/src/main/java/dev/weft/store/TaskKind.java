package dev.weft.store;

/** The two kinds of tasks in a task queue. */
public enum TaskKind {
  /** Runs workflow code for one run (a workflow task). */
  WORKFLOW,
  /** Runs one activity attempt. */
  ACTIVITY
}
