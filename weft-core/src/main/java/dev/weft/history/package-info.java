/**
 * A run's history: the append-only list of events that is the source of truth for the run.
 * Replaying it against the workflow code rebuilds the run's state. Events are a sealed hierarchy
 * ({@link dev.weft.history.EventAttributes}); {@link dev.weft.history.WorkflowHistory} is the JSON
 * export that the replay tester reads.
 */
package dev.weft.history;
