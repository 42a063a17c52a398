import { screen, within } from "@testing-library/react";
import { fakeServer, json, problem } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";

afterEach(() => {
  vi.unstubAllGlobals();
});

const NODES = [
  {
    nodeId: "node-a",
    host: "box-1",
    processId: 4242,
    startTime: "2026-12-06T09:00:00Z",
    lastHeartbeat: "2026-12-06T10:00:00Z",
    version: "0.9.0",
    taskQueues: ["orders", "ship"],
    live: true,
  },
  {
    nodeId: "node-b",
    host: "box-2",
    processId: 7,
    startTime: "2026-12-05T09:00:00Z",
    lastHeartbeat: "2026-12-05T10:00:00Z",
    version: "unknown",
    taskQueues: [],
    live: false,
  },
];

test("each node shows its ID, host, pid, times (UTC on hover), live or dead, version and queues", async () => {
  const s = fakeServer((url) =>
    url.pathname === "/api/v1/nodes" ? json({ nodes: NODES }) : json({ namespaces: [] }),
  );
  renderApp("/namespaces/default/nodes");
  const table = await screen.findByRole("table", { name: "Nodes" });
  const [a, b] = within(table).getAllByRole("row").slice(1);
  const cells = within(a!).getAllByRole("cell").map((c) => c.textContent);
  expect(cells[0]).toBe("node-a");
  expect(cells[1]).toBe("box-1");
  expect(cells[2]).toBe("4242");
  expect(cells.slice(5)).toEqual(["Live", "0.9.0", "orders, ship"]);
  expect(within(a!).getByTitle("2026-12-06 10:00:00.000 UTC").tagName).toBe("TIME");
  expect(within(b!).getByText("Dead").className).toBe("state-dead");
  expect(within(b!).getByText("none")).toBeTruthy();
  expect(s.to("/api/v1/nodes").length).toBeGreaterThanOrEqual(1);
});

test("a refused request shows the server's problem", async () => {
  fakeServer((url) =>
    url.pathname === "/api/v1/nodes"
      ? problem(403, "forbidden", "Forbidden", "the token's role READER may not list nodes")
      : json({ namespaces: [] }),
  );
  renderApp("/namespaces/default/nodes");
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Forbidden");
  expect(alert.textContent).toContain("may not list nodes");
  expect(screen.queryByRole("table")).toBeNull();
});
