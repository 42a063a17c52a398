import { text, type HistoryEvent } from "../../components/timeline/history";

/** A point a run can be reset to: the end of a workflow task the server accepts. */
export interface ResetPoint {
  eventId: number;
  time: string;
  /** What happened just before that task, e.g. "after SignalReceived approve". */
  label: string;
}

/**
 * The reset points the reset route accepts: every `WorkflowTaskCompleted` event at which no child
 * workflow was open (the route refuses a point where a child started before it and had not closed,
 * `invalid-reset-point`), latest first.
 */
export function resetPoints(events: readonly HistoryEvent[]): ResetPoint[] {
  const points: ResetPoint[] = [];
  const openChildren = new Set<number>();
  let previous: HistoryEvent | undefined;
  for (const e of events) {
    const a = e.attributes as Record<string, unknown>;
    switch (e.attributes.type) {
      case "StartChildWorkflowInitiated":
        openChildren.add(Number(a.seq));
        break;
      case "ChildWorkflowClosed":
      case "ChildWorkflowStartFailed":
        openChildren.delete(Number(a.seq));
        break;
      case "WorkflowTaskCompleted":
        if (openChildren.size === 0) {
          points.push({ eventId: e.eventId, time: e.time, label: describeBefore(previous) });
        }
        break;
    }
    previous = e;
  }
  return points.reverse();
}

function describeBefore(e: HistoryEvent | undefined): string {
  if (e === undefined) return "the first workflow task";
  const type = e.attributes.type;
  const name = text(e, "signalName") ?? text(e, "activityType") ?? text(e, "updateName");
  return `after ${type}${name === undefined ? "" : ` ${name}`} (event ${e.eventId})`;
}
