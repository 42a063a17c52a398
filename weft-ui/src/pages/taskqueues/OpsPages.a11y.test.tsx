import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { axeViolations } from "../../testing/axe";

afterEach(() => {
  vi.unstubAllGlobals();
});

const QUEUE = {
  taskQueue: "orders",
  paused: false,
  backlog: { workflowTasks: 1, activityTasks: 2, oldestTaskAge: "PT3S" },
  pollers: [{ identity: "w1", kind: "WORKFLOW", remote: false, lastPollTime: "2026-12-06T10:00:00Z" }],
  describedAt: "2026-12-06T10:00:00Z",
};

test("the task queues, queue, nodes and namespaces pages (and their dialogs) pass axe", async () => {
  fakeServer((url) => {
    const p = url.pathname;
    if (p === "/api/v1/namespaces")
      return json({
        namespaces: [
          { name: "default", description: "d", retention: "P30D", createTime: "2026-12-01T10:00:00Z", updateTime: "2026-12-01T10:00:00Z" },
        ],
      });
    if (p === "/api/v1/nodes")
      return json({
        nodes: [
          { nodeId: "n", host: "h", processId: 1, startTime: "2026-12-06T10:00:00Z", lastHeartbeat: "2026-12-06T10:00:00Z", version: "1", taskQueues: ["orders"], live: true },
        ],
      });
    if (p.endsWith("/task-queues")) return json({ taskQueues: [QUEUE] });
    if (p.endsWith("/task-queues/orders")) return json(QUEUE);
    if (p.endsWith("/attention")) return json({ runs: [] });
    return json({});
  });
  let view = renderApp("/namespaces/default/task-queues");
  await screen.findByRole("table", { name: "Task queues" });
  await screen.findByText("No running run needs attention.");
  expect(await axeViolations()).toEqual([]);
  view.unmount();

  view = renderApp("/namespaces/default/task-queues/orders");
  await screen.findByRole("table", { name: "Pollers" });
  expect(await axeViolations()).toEqual([]);
  await userEvent.click(screen.getByRole("button", { name: "Pause" }));
  expect(await axeViolations()).toEqual([]);
  view.unmount();

  view = renderApp("/namespaces/default/nodes");
  await screen.findByRole("table", { name: "Nodes" });
  expect(await axeViolations()).toEqual([]);
  view.unmount();

  renderApp("/namespaces");
  await screen.findByRole("table", { name: "Namespaces" });
  expect(await axeViolations()).toEqual([]);
  await userEvent.click(screen.getByRole("button", { name: "Create namespace" }));
  expect(await axeViolations()).toEqual([]);
}, 60_000); // axe over jsdom is slow on a busy machine
