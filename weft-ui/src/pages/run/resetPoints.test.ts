import { resetPoints } from "./resetPoints";
import { HistoryBuilder } from "../../components/timeline/testHistory";

test("only workflow task ends with no child open are reset points, latest first", () => {
  const h = new HistoryBuilder()
    .add(0, "WorkflowStarted", {})
    .add(1, "WorkflowTaskCompleted", {}) // 2: valid
    .add(1, "StartChildWorkflowInitiated", { seq: 1, workflowId: "kid" })
    .add(2, "SignalReceived", { signalName: "go" })
    .add(3, "WorkflowTaskCompleted", {}) // 5: child 1 open -> refused
    .add(3, "ActivityScheduled", { seq: 2, activityType: "Pay" })
    .add(4, "ChildWorkflowClosed", { seq: 1, status: "COMPLETED" })
    .add(5, "WorkflowTaskCompleted", {}) // 8: valid again
    .add(5, "StartChildWorkflowInitiated", { seq: 3, workflowId: "kid-2" })
    .add(6, "ChildWorkflowStartFailed", { seq: 3, workflowId: "kid-2" })
    .add(6, "ActivityCompleted", { seq: 2, attempt: 1 })
    .add(7, "WorkflowTaskCompleted", {}) // 12: valid
    .add(7, "WorkflowCompleted", {})
    .build();
  const points = resetPoints(h);
  expect(points.map((p) => p.eventId)).toEqual([12, 8, 2]);
  expect(points[1]?.label).toBe("after ChildWorkflowClosed (event 7)");
  expect(points[2]?.label).toBe("after WorkflowStarted (event 1)");
  // no point is anything but a WorkflowTaskCompleted
  for (const p of points) expect(h[p.eventId - 1]?.attributes.type).toBe("WorkflowTaskCompleted");
});

test("a history without workflow tasks has no reset point", () => {
  expect(resetPoints(new HistoryBuilder().add(0, "WorkflowStarted", {}).build())).toEqual([]);
});
