import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem, stubLayout } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { axeViolations } from "../../testing/axe";
import { parseSignalArgs } from "./BulkActions";

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  vi.unstubAllGlobals();
  restoreLayout();
});

const BATCH = {
  jobId: "job-1",
  operation: "TERMINATE",
  state: "RUNNING",
  query: "WorkflowType = 'Order'",
  reason: "bad deploy",
  startTime: "2026-12-06T10:00:00Z",
  totalOperationCount: 40,
  completeOperationCount: 12,
  failureOperationCount: 1,
  failures: [{ workflowId: "order-9", runId: "r9", message: "already closed" }],
};

function server() {
  return fakeServer((url, request) => {
    const p = url.pathname;
    if (p === "/api/v1/namespaces") return json({ namespaces: [] });
    if (p.endsWith("/workflow-count")) return json({ count: 40, groups: [{ value: "RUNNING", count: 40 }] });
    if (p.endsWith("/workflows"))
      return json({
        workflows: [
          { workflowId: "order-1", runId: "r1", workflowType: "Order", taskQueue: "q", status: "RUNNING", startTime: "2026-12-06T10:00:00Z" },
        ],
      });
    if (p === "/api/v1/namespaces/default/batch-operations" && request.method === "POST") return json({ jobId: "job-1" }, 201);
    if (p === "/api/v1/namespaces/default/batch-operations/job-1") return json(BATCH);
    return problem(404, "route-not-found", "Route not found", p);
  });
}

const FILTER = "/namespaces/default/workflows?query=" + encodeURIComponent("WorkflowType = 'Order' ORDER BY StartTime");

test("terminate all confirms with the filter and its count, starts one batch and opens its page", async () => {
  const s = server();
  renderApp(FILTER);
  await userEvent.click(await screen.findByRole("button", { name: "Apply to all matching…" }));
  await userEvent.click(screen.getByRole("button", { name: "Terminate all" }));
  const dialog = screen.getByRole("dialog", { name: "Terminate all matching runs?" });
  expect(within(dialog).getByText("WorkflowType = 'Order'").tagName).toBe("CODE");
  await waitFor(() => expect(within(dialog).getByTestId("bulk-count").textContent).toBe("It matches 40 runs now."));
  const confirm = within(dialog).getByRole("button", { name: "Terminate all" });
  expect(confirm.hasAttribute("disabled")).toBe(true);
  await userEvent.type(within(dialog).getByLabelText("Reason"), "bad deploy");
  await userEvent.dblClick(confirm);

  await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/batch-operations/job-1"));
  const posts = s.to("/api/v1/namespaces/default/batch-operations");
  expect(posts).toHaveLength(1);
  expect(await posts[0]!.json()).toEqual({ operation: "TERMINATE", query: "WorkflowType = 'Order'", reason: "bad deploy" });
  expect((await screen.findByTestId("batch-progress")).textContent).toBe("12 done, 1 refused of 40");
});

test("signal all sends the name and the JSON arguments, and refuses arguments that are not JSON", async () => {
  const s = server();
  renderApp(FILTER);
  await userEvent.click(await screen.findByRole("button", { name: "Apply to all matching…" }));
  await userEvent.click(screen.getByRole("button", { name: "Signal all" }));
  const dialog = screen.getByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("Signal name"), "approve");
  await userEvent.type(within(dialog).getByLabelText("Reason"), "ops");
  const args = within(dialog).getByLabelText("Arguments (JSON array)");
  await userEvent.type(args, "{{oops");
  expect(args.getAttribute("aria-invalid")).toBe("true");
  expect(within(dialog).getByRole("button", { name: "Signal all" }).hasAttribute("disabled")).toBe(true);
  await userEvent.clear(args);
  await userEvent.type(args, '[[{{"ok": true}, 3]');
  await userEvent.click(within(dialog).getByRole("button", { name: "Signal all" }));
  await waitFor(() => expect(s.to("/api/v1/namespaces/default/batch-operations")).toHaveLength(1));
  expect(await s.to("/api/v1/namespaces/default/batch-operations")[0]!.json()).toEqual({
    operation: "SIGNAL",
    query: "WorkflowType = 'Order'",
    reason: "ops",
    signalName: "approve",
    signalArgs: [{ ok: true }, 3],
  });
});

test("a batch the server refuses shows its problem in the dialog", async () => {
  fakeServer((url, request) => {
    if (url.pathname.endsWith("/workflow-count")) return json({ count: 0 });
    if (url.pathname.endsWith("/batch-operations") && request.method === "POST")
      return problem(409, "batch-running", "Batch running", "batch job-0 is still running");
    if (url.pathname.endsWith("/workflows")) return json({ workflows: [] });
    return json({ namespaces: [] });
  });
  renderApp(FILTER);
  await userEvent.click(await screen.findByRole("button", { name: "Apply to all matching…" }));
  await userEvent.click(screen.getByRole("button", { name: "Cancel all" }));
  const dialog = screen.getByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("Reason"), "r");
  await userEvent.click(within(dialog).getByRole("button", { name: "Cancel all" }));
  expect((await within(dialog).findByRole("alert")).textContent).toContain("batch job-0 is still running");
  expect(screen.getByTestId("location").textContent).toContain("/workflows");
});

test("without a filter the bulk actions are not offered", async () => {
  server();
  renderApp("/namespaces/default/workflows");
  expect(await screen.findByText("Set a filter to apply an action to all the runs it matches.")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Apply to all matching…" })).toBeNull();
});

test("the bulk dialog passes axe", async () => {
  server();
  renderApp(FILTER);
  await userEvent.click(await screen.findByRole("button", { name: "Apply to all matching…" }));
  await userEvent.click(screen.getByRole("button", { name: "Signal all" }));
  expect(await axeViolations()).toEqual([]);
}, 60_000);

test("signal arguments: a JSON array, one value, or nothing", () => {
  expect(parseSignalArgs("")).toEqual({ args: [] });
  expect(parseSignalArgs("[1, \"a\"]")).toEqual({ args: [1, "a"] });
  expect(parseSignalArgs("{\"k\": 1}")).toEqual({ args: [{ k: 1 }] });
  expect("error" in parseSignalArgs("{")).toBe(true);
});
