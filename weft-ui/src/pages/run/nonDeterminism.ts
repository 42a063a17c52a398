import type { WorkflowDescription } from "./runApi";

/** The two sides of a non-determinism failure, as the engine records them. */
export interface NonDeterminism {
  runId: string;
  /** The history event where the code and the history diverge (absent: past the end). */
  eventId?: number;
  /** What the workflow code asked for on replay (the actual side). */
  codeAskedFor: string;
  /** What the history records there (the expected side). */
  historyHas: string;
}

/**
 * The non-determinism failure of a run's workflow task, or null when its task is not failing with
 * one: read from describe's `nonDeterminism` member (the exception's fields, kept by the engine),
 * never from the text of `workflowTaskFailure`.
 */
export function nonDeterminismOf(d: WorkflowDescription): NonDeterminism | null {
  const nd = d.nonDeterminism;
  if (nd === undefined) return null;
  return {
    runId: d.runId,
    ...(nd.eventId !== undefined ? { eventId: nd.eventId } : {}),
    codeAskedFor: nd.codeAskedFor,
    historyHas: nd.historyHas,
  };
}
