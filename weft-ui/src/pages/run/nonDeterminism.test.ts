import { nonDeterminismOf } from "./nonDeterminism";
import type { WorkflowDescription } from "./runApi";

function description(over: Partial<WorkflowDescription>): WorkflowDescription {
  return {
    workflowId: "w",
    runId: "01a2-r",
    workflowType: "Order",
    taskQueue: "q",
    status: "RUNNING",
    startTime: "2026-12-06T10:00:00Z",
    historyLength: 9,
    historyBytes: 900,
    pendingActivities: [],
    pendingTimers: [],
    workflowTaskAttempt: 3,
    searchAttributes: {},
    memo: {},
    ...over,
  };
}

test("both sides are read from describe's nonDeterminism member", () => {
  const d = description({
    workflowTaskFailure: "dev.weft.failure.NonDeterminismException: any wording",
    nonDeterminism: {
      eventId: 7,
      codeAskedFor: "ActivityScheduled(seq 2, activity type 'Refund')",
      historyHas: "TimerStarted(seq 2)",
    },
  });
  expect(nonDeterminismOf(d)).toEqual({
    runId: "01a2-r",
    eventId: 7,
    codeAskedFor: "ActivityScheduled(seq 2, activity type 'Refund')",
    historyHas: "TimerStarted(seq 2)",
  });
});

test("a divergence past the end has no event; without the member there is no non-determinism", () => {
  const past = description({
    nonDeterminism: { codeAskedFor: "nothing more (its code is blocked or done)", historyHas: "TimerStarted(seq 1)" },
  });
  expect(nonDeterminismOf(past)).toEqual({
    runId: "01a2-r",
    codeAskedFor: "nothing more (its code is blocked or done)",
    historyHas: "TimerStarted(seq 1)",
  });
  const textOnly = description({
    workflowTaskFailure:
      "dev.weft.failure.NonDeterminismException: non-deterministic workflow code in run r9: the code asked for A, but the history has B",
  });
  expect(nonDeterminismOf(textOnly)).toBeNull();
});
