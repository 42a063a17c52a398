import { deriveTimeline, type ActivityRow, type ChildRow, type TimerRow, type UpdateRow } from "./deriveTimeline";
import { HistoryBuilder, bigHistory } from "./testHistory";

const S = HistoryBuilder.START;

function history() {
  return new HistoryBuilder()
    .add(0, "WorkflowStarted", { workflowType: "Order", workflowId: "o-1", taskQueue: "q", input: { json: [] } })
    .add(10, "WorkflowTaskCompleted", { worker: "n1" })
    .add(10, "ActivityScheduled", { seq: 1, activityType: "Charge", taskQueue: "q", summary: "charge card" })
    .add(10, "TimerStarted", { seq: 2, duration: "PT5S", fireAt: new Date(S + 5010).toISOString() })
    .add(10, "StartChildWorkflowInitiated", { seq: 3, workflowType: "Ship", workflowId: "ship-1", runId: "r-first" })
    .add(900, "ActivityCompleted", { seq: 1, result: { json: "ok" }, attempt: 3 })
    .add(1000, "SignalReceived", { signalName: "approve", input: { json: [true] } })
    .add(1010, "WorkflowTaskCompleted", { worker: "n1" })
    .add(1010, "LocalActivityRecorded", {
      seq: 4,
      activityType: "Lookup",
      result: null,
      failure: { kind: "APPLICATION", type: "Transient", message: "boom 1", cause: null },
      attempt: 1,
      retryAfter: "PT0.3S",
    })
    .add(1010, "TimerStarted", { seq: 5, duration: "PT0.3S", fireAt: new Date(S + 1310).toISOString() })
    .add(1310, "TimerFired", { seq: 5 })
    .add(1320, "WorkflowTaskCompleted", { worker: "n1" })
    .add(1400, "LocalActivityRecorded", { seq: 4, activityType: "Lookup", result: { json: "x" }, failure: null, attempt: 2, retryAfter: null })
    .add(2000, "UpdateAccepted", { updateId: "u1", updateName: "setAddress", input: { json: [] } })
    .add(2100, "UpdateCompleted", { updateId: "u1", result: { json: 1 }, failure: null })
    .add(3000, "ChildWorkflowClosed", { seq: 3, workflowId: "ship-1", runId: "r-last", status: "COMPLETED", result: { json: 1 }, failure: null })
    .add(5010, "TimerFired", { seq: 2 })
    .add(5020, "WorkflowTaskCompleted", { worker: "n1" })
    .add(5020, "WorkflowCompleted", { result: { json: "done" } })
    .build();
}

test("an activity is a bar from scheduled to completed with its attempt count", () => {
  const t = deriveTimeline(history(), S + 60_000);
  const charge = t.rows.find((r): r is ActivityRow => r.kind === "activity" && r.seq === 1);
  expect(charge).toMatchObject({
    activityType: "Charge",
    summary: "charge card",
    local: false,
    start: S + 10,
    end: S + 900,
    status: "completed",
    attempts: 3,
    eventIds: [3, 6],
  });
});

test("a local activity's attempts are spans and its retry timer is not a timer row", () => {
  const t = deriveTimeline(history(), S);
  const lookup = t.rows.find((r): r is ActivityRow => r.kind === "activity" && r.seq === 4);
  expect(lookup?.local).toBe(true);
  expect(lookup?.status).toBe("completed");
  expect(lookup?.attempts).toBe(2);
  expect(lookup?.attemptSpans).toEqual([
    { attempt: 1, start: S + 1010, end: S + 1010, outcome: "failed", failure: "Transient: boom 1" },
    { attempt: 2, start: S + 1310, end: S + 1400, outcome: "completed", failure: undefined },
  ]);
  expect(lookup?.eventIds).toEqual([9, 10, 11, 13]);
  expect(t.rows.filter((r) => r.kind === "timer").map((r) => (r as TimerRow).seq)).toEqual([2]);
});

test("timers, children, updates and signals", () => {
  const t = deriveTimeline(history(), S);
  const timer = t.rows.find((r): r is TimerRow => r.kind === "timer");
  expect(timer).toMatchObject({ seq: 2, start: S + 10, end: S + 5010, fireAt: S + 5010, status: "fired", duration: "PT5S" });
  const child = t.rows.find((r): r is ChildRow => r.kind === "child");
  expect(child).toMatchObject({ workflowId: "ship-1", workflowType: "Ship", runId: "r-last", status: "completed", start: S + 10, end: S + 3000 });
  const update = t.rows.find((r): r is UpdateRow => r.kind === "update");
  expect(update).toMatchObject({ updateName: "setAddress", start: S + 2000, end: S + 2100, status: "completed" });
  const markers = t.rows.filter((r) => r.kind === "marker");
  expect(markers.map((m) => (m.kind === "marker" ? [m.label, m.time] : null))).toEqual([
    ["Signal approve", S + 1000],
    ["Completed", S + 5020],
  ]);
});

test("a closed run's timeline ends at its last event; an open one at now", () => {
  expect(deriveTimeline(history(), S + 60_000)).toMatchObject({ start: S, end: S + 5020 });
  const open = history().slice(0, 7);
  const t = deriveTimeline(open, S + 60_000);
  expect(t.end).toBe(S + 60_000);
  expect(t.rows.find((r) => r.kind === "timer")).toMatchObject({ status: "pending", end: null });
  expect(t.rows.find((r) => r.kind === "child")).toMatchObject({ status: "running", end: null, runId: "r-first" });
});

test("failed and timed-out activities keep their failure chain", () => {
  const h = new HistoryBuilder()
    .add(0, "WorkflowStarted", {})
    .add(1, "WorkflowTaskCompleted", {})
    .add(1, "ActivityScheduled", { seq: 1, activityType: "Pay" })
    .add(1, "ActivityScheduled", { seq: 2, activityType: "Sleep" })
    .add(50, "ActivityFailed", {
      seq: 1,
      attempt: 4,
      failure: { kind: "APPLICATION", type: "Declined", message: "card declined", cause: { kind: "APPLICATION", message: "http 402" } },
    })
    .add(60, "ActivityTimedOut", {
      seq: 2,
      attempt: 2,
      timeoutType: "START_TO_CLOSE",
      lastFailure: { kind: "TIMEOUT", type: "START_TO_CLOSE", message: "attempt 2 timed out", cause: { kind: "TIMEOUT", type: "START_TO_CLOSE", message: "attempt 1 timed out" } },
    })
    .build();
  const rows = deriveTimeline(h, S).rows as ActivityRow[];
  expect(rows[0]).toMatchObject({ status: "failed", attempts: 4, failures: ["Declined: card declined", "http 402"] });
  expect(rows[1]).toMatchObject({
    status: "timed out",
    attempts: 2,
    failures: ["timed out (START_TO_CLOSE)", "START_TO_CLOSE: attempt 2 timed out", "START_TO_CLOSE: attempt 1 timed out"],
  });
});

test("a 20,000-event history derives quickly", () => {
  const events = bigHistory(20_000);
  const began = performance.now();
  const t = deriveTimeline(events, S);
  expect(performance.now() - began).toBeLessThan(500);
  expect(t.rows.length).toBe(6666);
});
