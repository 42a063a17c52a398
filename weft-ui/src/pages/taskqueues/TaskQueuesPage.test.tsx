import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import type { TaskQueue } from "./taskQueuesApi";

afterEach(() => {
  vi.unstubAllGlobals();
});

function queue(name: string, paused = false): TaskQueue {
  return {
    taskQueue: name,
    paused,
    ...(paused ? { pauseReason: "deploy" } : {}),
    backlog: { workflowTasks: 3, activityTasks: 1200, oldestTaskAge: "PT1M30S" },
    pollers: [
      { identity: "node-a@host", kind: "WORKFLOW", remote: false, lastPollTime: "2026-12-06T10:00:00Z" },
      { identity: "py-worker-1", kind: "ACTIVITY", remote: true, lastPollTime: "2026-12-06T10:00:01Z" },
    ],
    describedAt: "2026-12-06T10:00:02Z",
  };
}

/** Two pages of runs needing attention, as `GET .../attention` answers them. */
const ATTENTION_PAGES: Record<string, unknown> = {
  first: {
    runs: [
      {
        workflowId: "bad-2",
        runId: "r2",
        workflowType: "Order",
        taskQueue: "orders",
        startTime: "2026-12-06T10:00:02Z",
        reasons: [{ kind: "WORKFLOW_TASK_FAILING", attempt: 7, message: "java.lang.NullPointerException: no order" }],
      },
      {
        workflowId: "retry-3",
        runId: "r3",
        workflowType: "Ship",
        taskQueue: "ship",
        startTime: "2026-12-06T10:00:01Z",
        reasons: [
          { kind: "ACTIVITY_RETRYING", attempt: 4, message: "card declined", activitySeq: 4, activityType: "charge" },
          { kind: "ACTIVITY_STALLED", attempt: 1, message: "no worker on queue 'lbl'", activitySeq: 5, activityType: "label" },
        ],
      },
    ],
    nextPageToken: "page-2",
  },
  "page-2": {
    runs: [
      {
        workflowId: "stuck-1",
        runId: "r1",
        workflowType: "Order",
        taskQueue: "ordres",
        startTime: "2026-12-06T10:00:00Z",
        reasons: [{ kind: "WORKFLOW_TASK_STALLED", attempt: 1, message: "no worker on queue 'ordres'" }],
      },
    ],
  },
};

function server(paused = false) {
  let state = paused;
  return fakeServer(async (url, request) => {
    const p = url.pathname;
    if (p === "/api/v1/namespaces") return json({ namespaces: [] });
    if (p === "/api/v1/namespaces/default/task-queues") return json({ taskQueues: [queue("orders"), queue("ship", true)] });
    if (p === "/api/v1/namespaces/default/task-queues/orders") return json(queue("orders", state));
    if (p === "/api/v1/namespaces/default/task-queues/orders/pause") {
      const body = (await request.clone().json()) as { reason?: string };
      if (body.reason === "refuse") return problem(400, "invalid-request", "Invalid request", "the reason is refused");
      state = true;
      return json(queue("orders", true));
    }
    if (p === "/api/v1/namespaces/default/task-queues/orders/resume") {
      state = false;
      return json(queue("orders", false));
    }
    if (p === "/api/v1/namespaces/default/attention") return json(ATTENTION_PAGES[url.searchParams.get("nextPageToken") ?? "first"]);
    return problem(404, "route-not-found", "Route not found", p);
  });
}

test("the list shows each queue's backlog, oldest task age, state and pollers, and links to it", async () => {
  server();
  renderApp("/namespaces/default/task-queues");
  const table = await screen.findByRole("table", { name: "Task queues" });
  const rows = within(table).getAllByRole("row");
  expect(rows).toHaveLength(3);
  expect(within(rows[1]!).getAllByRole("cell").map((c) => c.textContent)).toEqual([
    "orders",
    "3",
    (1200).toLocaleString(),
    "1 min 30 s",
    "Active",
    "2",
  ]);
  expect(within(rows[2]!).getByText("Paused")).toBeTruthy();
  await userEvent.click(within(table).getByRole("link", { name: "orders" }));
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/task-queues/orders");
  expect(await screen.findByRole("heading", { name: "Task queue orders" })).toBeTruthy();
});

test("the attention section lists every run needing attention from one read a page, with why and more", async () => {
  const s = server();
  renderApp("/namespaces/default/task-queues");
  const table = await screen.findByRole("table", { name: "Runs needing attention" });
  let rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => within(r).getByRole("link").textContent)).toEqual(["bad-2", "retry-3"]);
  expect(rows[0]!.textContent).toContain("workflow task failing, attempt 7: java.lang.NullPointerException: no order");
  expect(rows[1]!.textContent).toContain(
    "charge (seq 4) retrying, attempt 4: card declined; label (seq 5) stalled, attempt 1: no worker on queue 'lbl'",
  );
  expect(within(rows[0]!).getByRole("link").getAttribute("href")).toBe("/namespaces/default/workflows/bad-2?runId=r2");
  expect(within(rows[0]!).getByTitle("2026-12-06 10:00:02.000 UTC")).toBeTruthy();
  const first = s.to("/api/v1/namespaces/default/attention");
  expect(first).toHaveLength(1);
  expect(new URL(first[0]!.url).searchParams.get("pageSize")).toBe("50");
  expect(s.to("/api/v1/namespaces/default/workflows")).toHaveLength(0);

  await userEvent.click(screen.getByRole("button", { name: "More" }));
  await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(4));
  rows = within(table).getAllByRole("row").slice(1);
  expect(rows[2]!.textContent).toContain("stuck-1");
  expect(rows[2]!.textContent).toContain("workflow task stalled, attempt 1: no worker on queue 'ordres'");
  expect(new URL(s.to("/api/v1/namespaces/default/attention").at(-1)!.url).searchParams.get("nextPageToken")).toBe("page-2");
  expect(screen.queryByRole("button", { name: "More" })).toBeNull();
});

test("the attention section shows the problem when the read is refused", async () => {
  fakeServer((url) => {
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    if (url.pathname === "/api/v1/namespaces/default/task-queues") return json({ taskQueues: [] });
    if (url.pathname === "/api/v1/namespaces/default/attention")
      return problem(400, "invalid-parameter", "Invalid parameter", "query parameter 'nextPageToken': invalid page token");
    return problem(404, "route-not-found", "Route not found", url.pathname);
  });
  renderApp("/namespaces/default/task-queues");
  const section = (await screen.findByRole("heading", { name: "Attention" })).closest("section")!;
  expect((await within(section).findByRole("alert")).textContent).toContain("invalid page token");
});

test("a queue's pollers show with their last poll time, UTC on hover", async () => {
  server();
  renderApp("/namespaces/default/task-queues/orders");
  const pollers = await screen.findByRole("table", { name: "Pollers" });
  const rows = within(pollers).getAllByRole("row").slice(1);
  expect(rows[0]!.textContent).toContain("node-a@host");
  expect(rows[0]!.textContent).toContain("In process");
  expect(rows[1]!.textContent).toContain("Remote (HTTP)");
  expect(within(rows[1]!).getByTitle("2026-12-06 10:00:01.000 UTC")).toBeTruthy();
});

test("pause sends the reason once, and the queue then offers resume", async () => {
  const s = server();
  renderApp("/namespaces/default/task-queues/orders");
  await userEvent.click(await screen.findByRole("button", { name: "Pause" }));
  const dialog = screen.getByRole("dialog", { name: "Pause orders?" });
  await userEvent.type(within(dialog).getByLabelText("Reason"), "bad deploy");
  await userEvent.dblClick(within(dialog).getByRole("button", { name: "Pause" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  const pauses = s.to("/api/v1/namespaces/default/task-queues/orders/pause");
  expect(pauses).toHaveLength(1);
  expect(await pauses[0]!.json()).toEqual({ reason: "bad deploy" });
  expect(await screen.findByText("Paused: deploy")).toBeTruthy();

  await userEvent.click(screen.getByRole("button", { name: "Resume" }));
  await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Resume" }));
  await waitFor(() => expect(s.to("/api/v1/namespaces/default/task-queues/orders/resume")).toHaveLength(1));
  expect(await screen.findByRole("button", { name: "Pause" })).toBeTruthy();
});

test("a refused pause shows the server's problem in the dialog", async () => {
  server();
  renderApp("/namespaces/default/task-queues/orders");
  await userEvent.click(await screen.findByRole("button", { name: "Pause" }));
  const dialog = screen.getByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("Reason"), "refuse");
  await userEvent.click(within(dialog).getByRole("button", { name: "Pause" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert.textContent).toContain("Invalid request");
  expect(alert.textContent).toContain("the reason is refused");
});

test("an unknown queue's problem is shown", async () => {
  fakeServer((url) =>
    url.pathname === "/api/v1/namespaces"
      ? json({ namespaces: [] })
      : problem(404, "namespace-not-found", "Namespace not found", "no namespace nope"),
  );
  renderApp("/namespaces/nope/task-queues");
  expect((await screen.findAllByRole("alert"))[0]!.textContent).toContain("no namespace nope");
});
