import {
  attr,
  failure,
  failureChain,
  failureLine,
  num,
  text,
  timeOf,
  type HistoryEvent,
  type HistoryFailure,
} from "./history";

/** One attempt of an activity whose start and end the history records. */
export interface AttemptSpan {
  attempt: number;
  start: number;
  end: number;
  outcome: "completed" | "failed";
  failure?: string;
}

/** An activity (remote or local) from its scheduling to its outcome. */
export interface ActivityRow {
  kind: "activity";
  key: string;
  seq: number;
  activityType: string;
  local: boolean;
  summary?: string;
  start: number;
  /** Null while it is still open. */
  end: number | null;
  status: "scheduled" | "retrying" | "completed" | "failed" | "timed out" | "canceled";
  /** Attempts made, as history records them (0 while none finished). */
  attempts: number;
  /** Attempts with a known start and end (local activities record each attempt). */
  attemptSpans: AttemptSpan[];
  /** The failures of the last attempt and the ones before it that history kept, outermost first. */
  failures: string[];
  cancelRequestedAt?: number;
  eventIds: number[];
}

/** A timer from its start to when it fired or was canceled. */
export interface TimerRow {
  kind: "timer";
  key: string;
  seq: number;
  duration?: string;
  summary?: string;
  start: number;
  fireAt?: number;
  end: number | null;
  status: "pending" | "fired" | "canceled";
  eventIds: number[];
}

/** A child workflow from its start command to its close. */
export interface ChildRow {
  kind: "child";
  key: string;
  seq: number;
  workflowType: string;
  workflowId: string;
  /** The child's first run, then its last run once it closed. */
  runId?: string;
  start: number;
  end: number | null;
  status: string;
  failure?: string;
  eventIds: number[];
}

/** An update from its acceptance to its result (open while its handler runs). */
export interface UpdateRow {
  kind: "update";
  key: string;
  updateId: string;
  updateName: string;
  start: number;
  end: number | null;
  status: "running" | "completed" | "failed";
  failure?: string;
  eventIds: number[];
}

/** A point in time: a signal, a cancel request, a reset, a termination, the run's close. */
export interface MarkerRow {
  kind: "marker";
  key: string;
  markerKind: "signal" | "cancel" | "reset" | "close" | "external";
  label: string;
  time: number;
  eventIds: number[];
}

export type TimelineRow = ActivityRow | TimerRow | ChildRow | UpdateRow | MarkerRow;

/** The rows of a run's timeline and the time range they cover (epoch milliseconds). */
export interface Timeline {
  start: number;
  end: number;
  rows: TimelineRow[];
}

const CLOSE_TYPES: Record<string, string> = {
  WorkflowCompleted: "Completed",
  WorkflowFailed: "Failed",
  WorkflowCanceled: "Canceled",
  WorkflowTerminated: "Terminated",
  WorkflowTimedOut: "Timed out",
  WorkflowContinuedAsNew: "Continued as new",
};

function messages(f: HistoryFailure | undefined): string[] {
  return failureChain(f).map(failureLine);
}

/**
 * Derives a run's timeline from its history in one pass: activities (with the attempts history
 * records), timers, child workflows, updates as bars; signals, cancel requests, resets and the close
 * as markers. A local activity's retry timer belongs to its activity's row, not to a timer row.
 *
 * @param events the history, in event order
 * @param now the end of a still-open run's timeline (epoch milliseconds)
 */
export function deriveTimeline(events: readonly HistoryEvent[], now: number): Timeline {
  const rows: TimelineRow[] = [];
  const activities = new Map<number, ActivityRow>();
  const timers = new Map<number, TimerRow>();
  const children = new Map<number, ChildRow>();
  const updates = new Map<string, UpdateRow>();
  // the retry timers of local activities: timer seq -> activity row
  const retryTimers = new Map<number, ActivityRow>();
  const nextAttemptStart = new Map<number, number>();
  let retryTimerOwner: ActivityRow | null = null;
  let lastTaskStart = Number.NaN;
  let closed = false;

  for (const e of events) {
    const t = timeOf(e);
    const seq = num(e, "seq") ?? -1;
    const type = e.attributes.type;
    const pendingRetryOwner = retryTimerOwner;
    retryTimerOwner = null;
    switch (type) {
      case "WorkflowTaskCompleted":
        lastTaskStart = t;
        break;
      case "ActivityScheduled": {
        const row: ActivityRow = {
          kind: "activity",
          key: `activity-${seq}`,
          seq,
          activityType: text(e, "activityType") ?? "?",
          local: false,
          summary: text(e, "summary"),
          start: t,
          end: null,
          status: "scheduled",
          attempts: 0,
          attemptSpans: [],
          failures: [],
          eventIds: [e.eventId],
        };
        activities.set(seq, row);
        rows.push(row);
        break;
      }
      case "ActivityCompleted":
      case "ActivityFailed":
      case "ActivityTimedOut":
      case "ActivityCanceled": {
        const row = activities.get(seq);
        if (row === undefined) break;
        row.end = t;
        row.attempts = num(e, "attempt") ?? row.attempts;
        row.eventIds.push(e.eventId);
        if (type === "ActivityCompleted") row.status = "completed";
        else if (type === "ActivityFailed") {
          row.status = "failed";
          row.failures = messages(failure(e, "failure"));
        } else if (type === "ActivityTimedOut") {
          row.status = "timed out";
          row.failures = [
            `timed out (${text(e, "timeoutType") ?? "?"})`,
            ...messages(failure(e, "lastFailure")),
          ];
        } else row.status = "canceled";
        break;
      }
      case "ActivityCancelRequested": {
        const row = activities.get(seq);
        if (row === undefined) break;
        row.cancelRequestedAt = t;
        row.eventIds.push(e.eventId);
        // a cancel that does not wait ends the activity here
        if (attr(e, "waitForCompletion") !== true && row.end === null) {
          row.end = t;
          row.status = "canceled";
        }
        break;
      }
      case "LocalActivityRecorded": {
        let row = activities.get(seq);
        if (row === undefined) {
          row = {
            kind: "activity",
            key: `activity-${seq}`,
            seq,
            activityType: text(e, "activityType") ?? "?",
            local: true,
            start: Number.isNaN(lastTaskStart) ? t : lastTaskStart,
            end: null,
            status: "scheduled",
            attempts: 0,
            attemptSpans: [],
            failures: [],
            eventIds: [],
          };
          activities.set(seq, row);
          rows.push(row);
        }
        row.eventIds.push(e.eventId);
        const attempt = num(e, "attempt") ?? row.attempts + 1;
        const f = failure(e, "failure");
        const start = nextAttemptStart.get(seq) ?? (Number.isNaN(lastTaskStart) ? t : lastTaskStart);
        row.attemptSpans.push({
          attempt,
          start: Math.min(start, t),
          end: t,
          outcome: f === undefined ? "completed" : "failed",
          failure: f === undefined ? undefined : failureLine(f),
        });
        row.attempts = attempt;
        if (f === undefined) {
          row.status = "completed";
          row.end = t;
        } else {
          row.failures = messages(f);
          if (attr(e, "retryAfter") === null || attr(e, "retryAfter") === undefined) {
            row.status = "failed";
            row.end = t;
          } else {
            row.status = "retrying";
            retryTimerOwner = row;
          }
        }
        break;
      }
      case "TimerStarted": {
        if (pendingRetryOwner !== null) {
          retryTimers.set(seq, pendingRetryOwner);
          pendingRetryOwner.eventIds.push(e.eventId);
          break;
        }
        const fireAt = text(e, "fireAt");
        const row: TimerRow = {
          kind: "timer",
          key: `timer-${seq}`,
          seq,
          duration: text(e, "duration"),
          summary: text(e, "summary"),
          start: t,
          fireAt: fireAt === undefined ? undefined : Date.parse(fireAt),
          end: null,
          status: "pending",
          eventIds: [e.eventId],
        };
        timers.set(seq, row);
        rows.push(row);
        break;
      }
      case "TimerFired":
      case "TimerCanceled": {
        const owner = retryTimers.get(seq);
        if (owner !== undefined) {
          owner.eventIds.push(e.eventId);
          nextAttemptStart.set(owner.seq, t);
          break;
        }
        const row = timers.get(seq);
        if (row === undefined) break;
        row.end = t;
        row.status = type === "TimerFired" ? "fired" : "canceled";
        row.eventIds.push(e.eventId);
        break;
      }
      case "StartChildWorkflowInitiated": {
        const row: ChildRow = {
          kind: "child",
          key: `child-${seq}`,
          seq,
          workflowType: text(e, "workflowType") ?? "?",
          workflowId: text(e, "workflowId") ?? "?",
          runId: text(e, "runId"),
          start: t,
          end: null,
          status: "running",
          eventIds: [e.eventId],
        };
        children.set(seq, row);
        rows.push(row);
        break;
      }
      case "ChildWorkflowClosed":
      case "ChildWorkflowStartFailed": {
        const row = children.get(seq);
        if (row === undefined) break;
        row.end = t;
        row.eventIds.push(e.eventId);
        if (type === "ChildWorkflowClosed") {
          row.status = (text(e, "status") ?? "closed").toLowerCase().replace("_", " ");
          row.runId = text(e, "runId") ?? row.runId;
          const f = failure(e, "failure");
          if (f !== undefined) row.failure = failureLine(f);
        } else {
          row.status = "start failed";
          row.failure = text(e, "reason");
        }
        break;
      }
      case "ChildWorkflowCancelRequested": {
        children.get(seq)?.eventIds.push(e.eventId);
        break;
      }
      case "UpdateAccepted": {
        const updateId = text(e, "updateId") ?? `event-${e.eventId}`;
        const row: UpdateRow = {
          kind: "update",
          key: `update-${updateId}`,
          updateId,
          updateName: text(e, "updateName") ?? "?",
          start: t,
          end: null,
          status: "running",
          eventIds: [e.eventId],
        };
        updates.set(updateId, row);
        rows.push(row);
        break;
      }
      case "UpdateCompleted": {
        const row = updates.get(text(e, "updateId") ?? "");
        if (row === undefined) break;
        row.end = t;
        row.eventIds.push(e.eventId);
        const f = failure(e, "failure");
        row.status = f === undefined ? "completed" : "failed";
        if (f !== undefined) row.failure = failureLine(f);
        break;
      }
      case "SignalReceived":
        rows.push(marker(e, t, "signal", `Signal ${text(e, "signalName") ?? "?"}`));
        break;
      case "WorkflowCancelRequested":
        rows.push(marker(e, t, "cancel", "Cancel requested"));
        break;
      case "WorkflowReset":
        rows.push(marker(e, t, "reset", `Reset from event ${num(e, "resetEventId") ?? "?"}`));
        break;
      case "SignalExternalWorkflowInitiated":
        rows.push(
          marker(e, t, "external", `Signal ${text(e, "signalName") ?? "?"} to ${text(e, "workflowId") ?? "?"}`),
        );
        break;
      case "RequestCancelExternalWorkflowInitiated":
        rows.push(marker(e, t, "external", `Cancel request to ${text(e, "workflowId") ?? "?"}`));
        break;
      default: {
        const closeLabel = CLOSE_TYPES[type];
        if (closeLabel !== undefined) {
          closed = true;
          rows.push(marker(e, t, "close", closeLabel));
        }
      }
    }
  }

  const first = events[0];
  const last = events[events.length - 1];
  const start = first === undefined ? now : timeOf(first);
  const lastTime = last === undefined ? now : timeOf(last);
  const end = closed ? lastTime : Math.max(lastTime, now);
  return { start, end: end > start ? end : start + 1, rows };
}

function marker(
  e: HistoryEvent,
  time: number,
  markerKind: MarkerRow["markerKind"],
  label: string,
): MarkerRow {
  return { kind: "marker", key: `marker-${e.eventId}`, markerKind, label, time, eventIds: [e.eventId] };
}
