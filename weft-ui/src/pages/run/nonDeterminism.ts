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

const PATTERN =
  /non-deterministic workflow code in run (\S+?)(?: at history event (\d+))?: the code asked for ([\s\S]*?), but the history has ([^\n]*)/;

/**
 * Reads a non-determinism failure out of a run's workflow task failure (the text `describe` shows
 * as `workflowTaskFailure`: the exception's class and message, `NonDeterminismException`'s message
 * "non-deterministic workflow code in run R at history event N: the code asked for X, but the
 * history has Y", then a few stack lines), or null when the failure is something else.
 */
export function parseNonDeterminism(failure: string | null | undefined): NonDeterminism | null {
  if (failure === null || failure === undefined) return null;
  const m = PATTERN.exec(failure);
  if (m === null) return null;
  const [, runId, eventId, codeAskedFor, historyHas] = m;
  return {
    runId: runId ?? "",
    eventId: eventId === undefined ? undefined : Number(eventId),
    codeAskedFor: codeAskedFor ?? "",
    historyHas: historyHas ?? "",
  };
}
