import type { components } from "../../api/schema.gen";

/** One history event as the history route returns it (`WorkflowHistory.toJson()`). */
export type HistoryEvent = components["schemas"]["WorkflowHistoryEvent"];

/** A failure as history records it (`dev.weft.history.Failure`), with its cause chain. */
export interface HistoryFailure {
  kind?: string;
  type?: string | null;
  message?: string;
  nonRetryable?: boolean;
  attempt?: number;
  workflowId?: string | null;
  runId?: string | null;
  cause?: HistoryFailure | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An attribute of an event, as JSON (undefined when absent). */
export function attr(e: HistoryEvent, name: string): unknown {
  return (e.attributes as Record<string, unknown>)[name];
}

/** A text attribute, or undefined when absent, null or not text. */
export function text(e: HistoryEvent, name: string): string | undefined {
  const v = attr(e, name);
  return typeof v === "string" ? v : undefined;
}

/** A number attribute, or undefined when absent, null or not a number. */
export function num(e: HistoryEvent, name: string): number | undefined {
  const v = attr(e, name);
  return typeof v === "number" ? v : undefined;
}

/** A failure attribute, or undefined. */
export function failure(e: HistoryEvent, name: string): HistoryFailure | undefined {
  const v = attr(e, name);
  return isRecord(v) ? (v as HistoryFailure) : undefined;
}

/** A payload attribute's JSON value (`{"json": value}`), or undefined when there is none. */
export function payload(e: HistoryEvent, name: string): unknown {
  const v = attr(e, name);
  return isRecord(v) && "json" in v ? v.json : undefined;
}

/** The failure and its causes, outermost first (stops at 20 to survive a cycle). */
export function failureChain(f: HistoryFailure | null | undefined): HistoryFailure[] {
  const chain: HistoryFailure[] = [];
  for (let c = f; c !== null && c !== undefined && chain.length < 20; c = c.cause) {
    chain.push(c);
  }
  return chain;
}

/** One line for a failure: its type and message. */
export function failureLine(f: HistoryFailure): string {
  const type = f.type !== undefined && f.type !== null && f.type !== "" ? `${f.type}: ` : "";
  return `${type}${f.message ?? ""}`;
}

/** An event's time in epoch milliseconds. */
export function timeOf(e: HistoryEvent): number {
  return Date.parse(e.time);
}
