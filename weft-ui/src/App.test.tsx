import { fireEvent, screen } from "@testing-library/react";
import { fakeServer, json, problem } from "./testing/fakeServer";
import { renderApp } from "./testing/renderApp";

afterEach(() => vi.unstubAllGlobals());

function emptyServer() {
  return fakeServer((url) => {
    if (url.pathname === "/api/v1/namespaces") {
      return json({ namespaces: [{ name: "default", description: "", retention: "P30D", createTime: "2026-01-01T00:00:00Z", updateTime: "2026-01-01T00:00:00Z" }, { name: "billing", description: "", retention: "P30D", createTime: "2026-01-01T00:00:00Z", updateTime: "2026-01-01T00:00:00Z" }] });
    }
    if (url.pathname.endsWith("/workflow-count")) return json({ count: 0 });
    if (url.pathname.endsWith("/attention")) return json({ runs: [] });
    return json({ workflows: [] });
  });
}

test("/ opens the default namespace's workflows, with the top bar", async () => {
  emptyServer();
  renderApp("/");
  expect(await screen.findByRole("heading", { name: "Workflows" })).toBeTruthy();
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/workflows");
  const nav = screen.getByRole("navigation", { name: "Main" });
  expect([...nav.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
    "/namespaces/default/workflows",
    "/namespaces/default/task-queues",
    "/namespaces/default/batch-operations",
    "/namespaces/default/assets",
    "/namespaces/default/asset-graph",
    "/namespaces/default/backfills",
    "/namespaces/default/schedules",
    "/namespaces/default/sensors",
    "/namespaces/default/hooks",
    "/namespaces",
    "/namespaces/default/nodes",
  ]);
});

test("the namespace picker lists the server's namespaces and switches the section's namespace", async () => {
  const server = emptyServer();
  renderApp("/namespaces/default/task-queues");
  const picker = screen.getByLabelText<HTMLSelectElement>("Namespace");
  await screen.findByRole("option", { name: "billing" });
  fireEvent.change(picker, { target: { value: "billing" } });
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/billing/task-queues");
  expect(server.to("/api/v1/namespaces").length).toBeGreaterThan(0);
});

test("a deep link to a run opens the run page with its run ID", async () => {
  const server = fakeServer(() =>
    problem(404, "workflow-not-found", "Workflow not found", "no run r1 of workflow 'order-17'"),
  );
  renderApp("/namespaces/default/workflows/order-17?runId=r1");
  expect(await screen.findByRole("heading", { name: "order-17" })).toBeTruthy();
  expect(await screen.findByText("no run r1 of workflow 'order-17'")).toBeTruthy();
  const describe = server.to("/api/v1/namespaces/default/workflows/order-17");
  expect(new URL(describe[0]!.url).searchParams.get("runId")).toBe("r1");
});

test("an unknown address shows page not found inside the shell", async () => {
  emptyServer();
  renderApp("/nowhere");
  expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
  expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
});
