import { runLinks } from "./runLinks";
import { summarizeEvent } from "./eventSummary";
import { HistoryBuilder } from "../../components/timeline/testHistory";

test("parent, children (with their last run) and the next run are linked", () => {
  const h = new HistoryBuilder()
    .add(0, "WorkflowStarted", { parent: { workflowId: "p-1", runId: "pr", seq: 3, taskQueue: "q" }, continuedFromRunId: null })
    .add(1, "WorkflowTaskCompleted", {})
    .add(1, "StartChildWorkflowInitiated", { seq: 1, workflowType: "Ship", workflowId: "ship-1", runId: "first" })
    .add(2, "ChildWorkflowClosed", { seq: 1, workflowId: "ship-1", runId: "last", status: "COMPLETED" })
    .add(3, "WorkflowTaskCompleted", {})
    .add(3, "WorkflowContinuedAsNew", { newRunId: "next", input: { json: [] } })
    .build();
  expect(runLinks(h, "me")).toEqual([
    { workflowId: "p-1", runId: "pr", relation: "Parent" },
    { workflowId: "ship-1", runId: "last", relation: "Child Ship" },
    { workflowId: "me", runId: "next", relation: "Next run" },
  ]);
});

test("events are summarized in one line", () => {
  const h = new HistoryBuilder()
    .add(0, "ActivityFailed", { seq: 2, attempt: 3, failure: { type: "Declined", message: "no money" } })
    .add(1, "SignalReceived", { signalName: "approve", input: { json: ["yes"] } })
    .add(2, "ActivityScheduled", { seq: 4, activityType: "Charge", taskQueue: "pay" })
    .build();
  expect(h.map(summarizeEvent)).toEqual([
    "#2 after 3 attempt(s) — Declined: no money",
    'approve ["yes"]',
    "#4 Charge on pay",
  ]);
});
