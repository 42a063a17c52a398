import { screen, within } from "@testing-library/react";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { HOOKS, hookRoutes } from "./hookFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve() {
  const routes = hookRoutes();
  return fakeServer((url) => {
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    return routes(url) ?? json({});
  });
}

test("the list shows each hook's action, secret variable and source", async () => {
  serve();
  renderApp("/namespaces/default/hooks");
  const table = await screen.findByRole("table", { name: "Webhooks" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => within(r).getAllByRole("cell").slice(0, 4).map((c) => c.textContent))).toEqual([
    ["approve", "signal approve to body /workflowId", "WEFT_EXAMPLE_HOOK_SECRET", "examples"],
    ["new-order", "start Order on orders", "ORDER_HOOK_SECRET", "shop"],
  ]);
  expect(within(table).getByRole("link", { name: "approve" }).getAttribute("href")).toBe("/namespaces/default/hooks/approve");
});

test("no hooks: the list says how an app defines them", async () => {
  fakeServer((url) => (url.pathname === HOOKS ? json({ hooks: [] }) : json({ namespaces: [] })));
  renderApp("/namespaces/default/hooks");
  expect(await screen.findByText("No webhooks are defined in this namespace.")).toBeTruthy();
  expect(screen.getAllByText(/Webhooks\.builder\(engine\)/).length).toBeGreaterThan(0);
});

test("the hook page: URL, signature header, secret variable, mapping, and deliveries with key, status, action run and error", async () => {
  const server = serve();
  renderApp("/namespaces/default/hooks/approve");
  const table = await screen.findByRole("table", { name: "Recent deliveries" });
  expect(screen.getByText("URL").nextElementSibling?.textContent).toBe(
    `POST ${window.location.origin}/api/v1/namespaces/default/hooks/approve`,
  );
  expect(screen.getByText("Signature").nextElementSibling?.textContent).toContain("X-Weft-Signature");
  expect(screen.getByText("Secret").nextElementSibling?.textContent).toContain("WEFT_EXAMPLE_HOOK_SECRET");
  expect(screen.getByText("Workflow ID").nextElementSibling?.textContent).toBe("body /workflowId");
  expect(screen.getByText("Argument 1").nextElementSibling?.textContent).toBe("body /approver");
  expect(screen.getByText("Argument 2").nextElementSibling?.textContent).toBe('constant "via webhook"');

  const rows = within(table).getAllByRole("row").slice(1) as [HTMLElement, HTMLElement, HTMLElement];
  expect(rows.map((r) => within(r).getAllByRole("cell").slice(1, 3).map((c) => c.textContent))).toEqual([
    ["k-3", "RUNNING"],
    ["k-2", "FAILED"],
    ["k-1", "COMPLETED"],
  ]);
  expect(within(rows[0]).getAllByRole("cell")[3]?.textContent).toBe("under way");
  expect(await within(rows[1]).findByText(/activity trigger failed: workflow approval-9 not found/)).toBeTruthy();
  const signaled = await within(rows[2]).findByRole("link", { name: "approval-7" });
  expect(signaled.getAttribute("href")).toBe("/namespaces/default/workflows/approval-7");
  expect(within(rows[2]).getAllByRole("cell")[3]?.textContent).toBe("signaled approval-7");
  expect(within(rows[2]).getByRole("link", { name: "__weft_hook:approve:k-1" }).getAttribute("href")).toBe(
    "/namespaces/default/workflows/__weft_hook%3Aapprove%3Ak-1?runId=r-1",
  );
  // a running delivery's result is not asked for; a closed one's once, at once
  const results = server.requests.map((r) => new URL(r.url)).filter((u) => u.pathname.endsWith("/result"));
  expect(results.map((u) => [decodeURIComponent(u.pathname.split("/")[6] ?? ""), u.searchParams.get("wait")])).toEqual([
    ["__weft_hook:approve:k-2", "PT0S"],
    ["__weft_hook:approve:k-1", "PT0S"],
  ]);
});

test("a hook that starts a workflow shows its type, queue and mapping; no delivery yet", async () => {
  serve();
  renderApp("/namespaces/default/hooks/new-order");
  expect(await screen.findByText("No delivery yet.")).toBeTruthy();
  expect(screen.getByText("Workflow type").nextElementSibling?.textContent).toBe("Order");
  expect(screen.getByText("Task queue").nextElementSibling?.textContent).toBe("orders");
  expect(screen.getByText("Argument 1").nextElementSibling?.textContent).toBe("body /order/id");
});

test("an unknown hook shows the server's problem", async () => {
  serve();
  renderApp("/namespaces/default/hooks/nope");
  expect((await screen.findByRole("alert")).textContent).toContain("has no hook 'nope'");
});
