import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { axeViolations } from "../../testing/axe";
import type { Batch } from "./batchApi";

afterEach(() => {
  vi.unstubAllGlobals();
});

function server() {
  let batch: Batch = {
    jobId: "job-1",
    operation: "CANCEL",
    state: "RUNNING",
    query: "TaskQueue = 'orders'",
    reason: "drain",
    startTime: "2026-12-06T10:00:00Z",
    totalOperationCount: 10,
    completeOperationCount: 2,
    failureOperationCount: 0,
    failures: [],
  };
  const s = fakeServer((url, request) => {
    const p = url.pathname;
    if (p === "/api/v1/namespaces") return json({ namespaces: [] });
    if (p === "/api/v1/namespaces/default/batch-operations") return json({ batchOperations: [batch] });
    if (p === "/api/v1/namespaces/default/batch-operations/job-1/stop" && request.method === "POST") {
      batch = {
        ...batch,
        state: "STOPPED",
        closeTime: "2026-12-06T10:01:00Z",
        failureOperationCount: 1,
        failures: [{ workflowId: "o-3", runId: "r3", message: "already closed" }],
      };
      return new Response(null, { status: 204 });
    }
    if (p === "/api/v1/namespaces/default/batch-operations/job-1") return json(batch);
    return json({});
  });
  return { s, progress: (n: number) => (batch = { ...batch, completeOperationCount: n }) };
}

test("the batch page shows live progress, stops with a reason, then shows the refused runs", async () => {
  const { s, progress } = server();
  renderApp("/namespaces/default/batch-operations/job-1");
  expect((await screen.findByTestId("batch-progress")).textContent).toBe("2 done, 0 refused of 10");
  expect(screen.getByRole("progressbar", { name: "Batch progress" }).getAttribute("value")).toBe("2");
  expect(screen.getByText("TaskQueue = 'orders'").tagName).toBe("CODE");
  progress(5);
  await waitFor(() => expect(screen.getByTestId("batch-progress").textContent).toBe("5 done, 0 refused of 10"), {
    timeout: 3000,
  });

  await userEvent.click(screen.getByRole("button", { name: "Stop" }));
  const dialog = screen.getByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("Reason"), "enough");
  await userEvent.click(within(dialog).getByRole("button", { name: "Stop" }));
  await waitFor(() => expect(screen.queryByRole("button", { name: "Stop" })).toBeNull());
  const stops = s.to("/api/v1/namespaces/default/batch-operations/job-1/stop");
  expect(stops).toHaveLength(1);
  expect(await stops[0]!.json()).toEqual({ reason: "enough" });
  expect(screen.getByText("STOPPED")).toBeTruthy();
  const refused = screen.getByRole("table", { name: "Refused runs" });
  expect(within(refused).getByRole("link", { name: "o-3" }).getAttribute("href")).toBe(
    "/namespaces/default/workflows/o-3?runId=r3",
  );
});

test("the batch list links each batch, and both pages pass axe", async () => {
  server();
  const list = renderApp("/namespaces/default/batch-operations");
  const table = await screen.findByRole("table", { name: "Batch operations" });
  const row = within(table).getAllByRole("row")[1]!;
  expect(within(row).getByRole("link", { name: "job-1" }).getAttribute("href")).toBe(
    "/namespaces/default/batch-operations/job-1",
  );
  expect(row.textContent).toContain("2 / 10");
  expect(await axeViolations()).toEqual([]);
  list.unmount();
  renderApp("/namespaces/default/batch-operations/job-1");
  await screen.findByTestId("batch-progress");
  expect(await axeViolations()).toEqual([]);
}, 60_000);
