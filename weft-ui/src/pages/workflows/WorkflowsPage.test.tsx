import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem, stubLayout } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import type { WorkflowSummary } from "./RunsTable";

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  vi.unstubAllGlobals();
  restoreLayout();
});

function run(i: number, status: WorkflowSummary["status"] = "RUNNING"): WorkflowSummary {
  return {
    workflowId: `order-${i}`,
    runId: `run-${i}`,
    workflowType: "OrderWorkflow",
    taskQueue: "orders",
    status,
    startTime: "2026-12-06T10:00:00Z",
    ...(status !== "RUNNING" ? { closeTime: "2026-12-06T10:05:00Z" } : {}),
  };
}

const COUNTS: Record<string, number> = {
  RUNNING: 12,
  COMPLETED: 3400,
  FAILED: 7,
  CANCELED: 0,
  TERMINATED: 1,
  TIMED_OUT: 0,
  CONTINUED_AS_NEW: 2,
};

/** A server with runs order-0.. of the filter, and counts by status. */
function server(onList: (query: string | null) => Response = () => json({ workflows: [run(1), run(2, "FAILED")] })) {
  return fakeServer((url) => {
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    if (url.pathname === "/api/v1/namespaces/default/workflow-count") {
      const groups = Object.entries(COUNTS)
        .filter(([, count]) => count > 0)
        .map(([value, count]) => ({ value, count }));
      return url.searchParams.get("groupBy") === "ExecutionStatus"
        ? json({ count: groups.reduce((a, g) => a + g.count, 0), groups })
        : problem(400, "invalid-request", "Invalid request", "groupBy expected");
    }
    if (url.pathname === "/api/v1/namespaces/default/workflows") return onList(url.searchParams.get("query"));
    return problem(404, "route-not-found", "Route not found", url.pathname);
  });
}

test("the filter goes into the URL, is sent to the server, and comes back with Back", async () => {
  const s = server();
  renderApp("/namespaces/default/workflows?query=WorkflowType+%3D+%27A%27");
  const input = await screen.findByLabelText<HTMLInputElement>("Filter");
  expect(input.value).toBe("WorkflowType = 'A'");

  await userEvent.clear(input);
  await userEvent.type(input, "ExecutionStatus = 'FAILED'{Enter}");

  expect(screen.getByTestId("location").textContent).toBe(
    "/namespaces/default/workflows?query=ExecutionStatus+%3D+%27FAILED%27",
  );
  await waitFor(() =>
    expect(s.to("/api/v1/namespaces/default/workflows").map((r) => new URL(r.url).searchParams.get("query"))).toContain(
      "ExecutionStatus = 'FAILED'",
    ),
  );

  await userEvent.click(screen.getByRole("button", { name: "Test back" }));
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/workflows?query=WorkflowType+%3D+%27A%27");
  expect(screen.getByLabelText<HTMLInputElement>("Filter").value).toBe("WorkflowType = 'A'");

  await userEvent.click(screen.getByRole("button", { name: "Clear" }));
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/workflows");
});

test("a filter with a syntax error shows the server's problem and where it is wrong", async () => {
  server((query) =>
    query === "WorkflowType = "
      ? problem(400, "invalid-query", "Invalid query", "invalid list query \"WorkflowType = \": unexpected end of the query at position 15: expected a value")
      : json({ workflows: [] }),
  );
  renderApp("/namespaces/default/workflows?query=WorkflowType+%3D+");

  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Invalid query");
  expect(alert.textContent).toContain("at position 15");
  const caret = screen.getByLabelText("The filter is wrong at position 15");
  expect(caret.textContent).toBe("WorkflowType = \n" + " ".repeat(14) + "^");
  expect(screen.getByLabelText("Filter").getAttribute("aria-invalid")).toBe("true");
  expect(screen.queryByRole("table")).toBeNull();
});

test("status counts: one grouped count over the filter without its ORDER BY, each a link to its runs", async () => {
  const s = server();
  renderApp("/namespaces/default/workflows?query=" + encodeURIComponent("WorkflowType = 'A' ORDER BY StartTime"));

  const counts = await screen.findByRole("list", { name: "Runs by status" });
  await waitFor(() => expect(within(counts).getByRole("link", { name: /Completed/ }).textContent).toBe(`Completed ${(3400).toLocaleString()}`));
  expect(within(counts).getByRole("link", { name: /Running/ }).textContent).toBe("Running 12");
  expect(within(counts).getByRole("link", { name: /Failed/ }).textContent).toBe("Failed 7");
  expect(within(counts).getAllByRole("link")).toHaveLength(7);

  expect(within(counts).getByRole("link", { name: /Canceled/ }).textContent).toBe("Canceled 0");
  const sent = s.to("/api/v1/namespaces/default/workflow-count").map((r) => new URL(r.url).searchParams);
  expect(new Set(sent.map((p) => `${p.get("query")} | ${p.get("groupBy")}`))).toEqual(
    new Set(["WorkflowType = 'A' | ExecutionStatus"]),
  );

  await userEvent.click(within(counts).getByRole("link", { name: /Failed/ }));
  expect(decodeURIComponent(screen.getByTestId("location").textContent ?? "").replaceAll("+", " ")).toBe(
    "/namespaces/default/workflows?query=(WorkflowType = 'A') AND ExecutionStatus = 'FAILED'",
  );
});

test("the list shows each run with a link to its run page, and pages on with the token", async () => {
  const s = fakeServer((url) => {
    if (url.pathname.endsWith("/workflow-count")) return json({ count: 1 });
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    return url.searchParams.get("nextPageToken") === "p2"
      ? json({ workflows: [run(3, "COMPLETED")] })
      : json({ workflows: [run(1), run(2, "FAILED")], nextPageToken: "p2" });
  });
  renderApp("/namespaces/default/workflows");

  const link = await screen.findByRole("link", { name: "order-1" });
  expect(link.getAttribute("href")).toBe("/namespaces/default/workflows/order-1?runId=run-1");
  const row = link.closest("[role=row]") as HTMLElement;
  expect(within(row).getByText("OrderWorkflow")).toBeTruthy();
  expect(within(row).getByText("Running")).toBeTruthy();
  expect(within(row).getByText("orders")).toBeTruthy();
  expect(row.querySelector("time")?.getAttribute("title")).toBe("2026-12-06 10:00:00.000 UTC");

  // three runs fit the viewport, so the next page is fetched at once; the last page has no token
  expect(await screen.findByRole("link", { name: "order-3" })).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  expect(screen.getByText("3 runs loaded")).toBeTruthy();
  expect(s.to("/api/v1/namespaces/default/workflows").some((r) => new URL(r.url).searchParams.get("pageSize") === "100")).toBe(true);
});
