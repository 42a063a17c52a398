import { failure, failureLine, num, payload, text, type HistoryEvent } from "../../components/timeline/history";

function json(v: unknown): string {
  const s = JSON.stringify(v) ?? "";
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

function failed(e: HistoryEvent, name: string): string {
  const f = failure(e, name);
  return f === undefined ? "" : ` — ${failureLine(f)}`;
}

/** One line that says what an event recorded, for the compact event list. */
export function summarizeEvent(e: HistoryEvent): string {
  const seq = num(e, "seq");
  const s = seq === undefined ? "" : `#${seq} `;
  switch (e.attributes.type) {
    case "WorkflowStarted":
      return `${text(e, "workflowType") ?? ""} on ${text(e, "taskQueue") ?? ""}, input ${json(payload(e, "input"))}`;
    case "WorkflowTaskCompleted":
      return `by ${text(e, "worker") ?? "?"}`;
    case "ActivityScheduled":
      return `${s}${text(e, "activityType") ?? ""} on ${text(e, "taskQueue") ?? ""}`;
    case "ActivityCompleted":
      return `${s}after ${num(e, "attempt") ?? "?"} attempt(s): ${json(payload(e, "result"))}`;
    case "ActivityFailed":
      return `${s}after ${num(e, "attempt") ?? "?"} attempt(s)${failed(e, "failure")}`;
    case "ActivityTimedOut":
      return `${s}${text(e, "timeoutType") ?? ""} after ${num(e, "attempt") ?? "?"} attempt(s)${failed(e, "lastFailure")}`;
    case "LocalActivityRecorded":
      return `${s}${text(e, "activityType") ?? ""} attempt ${num(e, "attempt") ?? "?"}${failed(e, "failure")}`;
    case "TimerStarted":
      return `${s}${text(e, "duration") ?? ""}${text(e, "summary") === undefined ? "" : ` (${text(e, "summary")})`}`;
    case "SignalReceived":
      return `${text(e, "signalName") ?? ""} ${json(payload(e, "input"))}`;
    case "UpdateAccepted":
      return `${text(e, "updateName") ?? ""} ${json(payload(e, "input"))}`;
    case "UpdateCompleted":
      return `${text(e, "updateId") ?? ""}${failed(e, "failure")}`;
    case "StartChildWorkflowInitiated":
      return `${s}${text(e, "workflowType") ?? ""} ${text(e, "workflowId") ?? ""}`;
    case "ChildWorkflowClosed":
      return `${s}${text(e, "workflowId") ?? ""} ${text(e, "status") ?? ""}${failed(e, "failure")}`;
    case "ChildWorkflowStartFailed":
      return `${s}${text(e, "reason") ?? ""}`;
    case "WorkflowCompleted":
      return json(payload(e, "result"));
    case "WorkflowFailed":
      return failed(e, "failure").slice(3);
    case "WorkflowTerminated":
    case "WorkflowCancelRequested":
      return text(e, "reason") ?? "";
    case "WorkflowCanceled":
      return text(e, "details") ?? "";
    case "WorkflowTimedOut":
      return text(e, "timeoutType") ?? "";
    case "WorkflowReset":
      return `from event ${num(e, "resetEventId") ?? "?"} of run ${text(e, "baseRunId") ?? "?"}: ${text(e, "reason") ?? ""}`;
    case "WorkflowContinuedAsNew":
      return `new run ${text(e, "newRunId") ?? "?"}`;
    case "MarkerRecorded":
      return `${s}${text(e, "name") ?? ""} ${text(e, "key") ?? ""}`.trim();
    default:
      return seq === undefined ? "" : `#${seq}`;
  }
}
