import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { BACKFILLS, backfillRoutes } from "./backfillFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve() {
  const routes = backfillRoutes();
  return fakeServer((url, request) => {
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    return routes(url, request) ?? json({});
  });
}

function location(): string {
  return screen.getByTestId("location").textContent ?? "";
}

test("the list shows the backfills with their progress, filters by status, and is in the navigation", async () => {
  const server = serve();
  renderApp("/namespaces/default/backfills");
  const table = await screen.findByRole("table", { name: "Backfills" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent)).toEqual(["bf-1", "bf-0"]);
  expect(within(rows[0] as HTMLElement).getByRole("img").getAttribute("aria-label")).toBe(
    "Progress of bf-1: 732 partitions: 500 materialized, 3 failed, 8 in progress, 2 skipped, 219 pending",
  );
  expect(rows[1]?.textContent).toContain("2 keys: 2024-02-01, 2024-02-02");
  expect(screen.getByRole("link", { name: "Backfills" }).getAttribute("aria-current")).toBe("page");

  await userEvent.selectOptions(screen.getByLabelText("Status"), "FAILED");
  await waitFor(() => expect(location()).toBe("/namespaces/default/backfills?status=FAILED"));
  await waitFor(() => expect(within(screen.getByRole("table", { name: "Backfills" })).getAllByRole("row")).toHaveLength(2));
  const statuses = server.to(BACKFILLS).map((r) => new URL(r.url).searchParams.get("status"));
  expect(statuses).toContain("FAILED");
  expect(new URL(server.to(BACKFILLS)[0]?.url ?? "http://x").searchParams.get("pageSize")).toBe("20");
});

test("a running backfill: progress per asset and total, throughput, remaining time, failed ranges, pause then resume then cancel", async () => {
  const server = serve();
  renderApp("/namespaces/default/backfills/bf-1");
  expect(await screen.findByRole("img", { name: /^Total: 732 partitions: 500 materialized, 3 failed/ })).toBeTruthy();
  const perAsset = screen.getByRole("table", { name: "Progress per asset" });
  expect(within(perAsset).getByRole("img", { name: /^trades\/daily_metrics: 366 partitions: 200 materialized, 1 failed, 4 in progress, 2 skipped, 159 pending$/ })).toBeTruthy();
  expect(screen.getByText("1.7 partitions/s")).toBeTruthy();
  expect(screen.getByText("about 2 min 15 s")).toBeTruthy();
  expect(screen.getByRole("link", { name: "__weft_backfill:bf-1" }).getAttribute("href")).toBe(
    "/namespaces/default/workflows/__weft_backfill%3Abf-1",
  );
  const failed = await screen.findByRole("table", { name: "Failed partitions" });
  expect(within(failed).getAllByRole("row")[1]?.textContent).toContain("java.io.IOException: exchange timed out");
  await userEvent.click(screen.getByRole("button", { name: "More failed partitions" }));
  await waitFor(() => expect(within(failed).getAllByRole("row")).toHaveLength(3));
  expect(screen.queryByRole("button", { name: "Retry failed" })).toBeNull(); // not while it runs
  expect(screen.queryByRole("button", { name: "Resume" })).toBeNull();

  await userEvent.click(screen.getByRole("button", { name: "Pause" }));
  await userEvent.click(within(screen.getByRole("dialog", { name: "Pause the backfill?" })).getByRole("button", { name: "Pause" }));
  await screen.findByRole("button", { name: "Resume" });
  expect(screen.getByText("PAUSED")).toBeTruthy();
  expect(server.to(`${BACKFILLS}/bf-1/pause`).map((r) => r.method)).toEqual(["POST"]);

  await userEvent.click(screen.getByRole("button", { name: "Resume" }));
  await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Resume" }));
  await screen.findByRole("button", { name: "Pause" });

  await userEvent.click(screen.getByRole("button", { name: "Cancel backfill" }));
  await userEvent.click(within(screen.getByRole("dialog", { name: "Cancel the backfill?" })).getByRole("button", { name: "Cancel backfill" }));
  await waitFor(() => expect(screen.getByText("CANCELING")).toBeTruthy());
  expect(screen.queryByRole("button", { name: "Pause" })).toBeNull();
  expect(server.to(`${BACKFILLS}/bf-1/cancel`)).toHaveLength(1);
});

test("an ended backfill with failures retries them as a new backfill, which links back to it; an ended one refuses pause", async () => {
  const server = serve();
  renderApp("/namespaces/default/backfills/bf-0");
  await screen.findByRole("img", { name: /^Total: 2 partitions/ });
  expect(screen.queryByRole("button", { name: "Pause" })).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: "Retry failed" }));
  await userEvent.click(within(screen.getByRole("dialog", { name: "Retry the failed partitions?" })).getByRole("button", { name: "Retry failed" }));
  await waitFor(() => expect(location()).toBe("/namespaces/default/backfills/bf-2"));
  expect(await screen.findByRole("heading", { name: "bf-2" })).toBeTruthy();
  const back = screen.getByRole("link", { name: "bf-0" });
  expect(back.getAttribute("href")).toBe("/namespaces/default/backfills/bf-0");
  expect(server.to(`${BACKFILLS}/bf-0/retry-failed`)).toHaveLength(1);
});

test("an unknown backfill shows the server's problem", async () => {
  serve();
  renderApp("/namespaces/default/backfills/bf-404");
  expect((await screen.findByRole("alert")).textContent).toContain("no backfill bf-404");
});

test("the launcher counts a backfill (dry run) per asset, then launches it and opens its page", async () => {
  const server = serve();
  renderApp("/namespaces/default/backfills/new?selection=trades%2F*&from=2024-01-01&to=2024-12-31");
  expect((screen.getByLabelText("Selection") as HTMLInputElement).value).toBe("trades/*");
  expect((screen.getByLabelText("From key") as HTMLInputElement).value).toBe("2024-01-01");
  await userEvent.clear(screen.getByLabelText("Max concurrent runs"));
  await userEvent.type(screen.getByLabelText("Max concurrent runs"), "8");
  await userEvent.click(screen.getByRole("button", { name: "Count" }));
  const table = await screen.findByRole("table", { name: "Dry run per asset" });
  expect(within(table).getAllByRole("row").slice(1).map((r) => r.textContent)).toEqual([
    "trades/raw_trades36612",
    "trades/daily_metrics36637",
  ]);
  expect(screen.getByRole("heading", { name: "732 partitions in 49 runs" })).toBeTruthy();
  expect(await server.to(BACKFILLS)[0]?.json()).toEqual({
    selection: "trades/*",
    partitions: { from: "2024-01-01", to: "2024-12-31" },
    maxConcurrentRuns: 8,
    dryRun: true,
  });

  await userEvent.click(screen.getByRole("button", { name: "Launch" }));
  await waitFor(() => expect(location()).toBe("/namespaces/default/backfills/bf-9"));
  expect(await screen.findByRole("heading", { name: "bf-9" })).toBeTruthy();
  const launched = server.to(BACKFILLS).filter((r) => r.method === "POST");
  expect(await launched[1]?.json()).toMatchObject({ dryRun: false, maxConcurrentRuns: 8 });
});

test("bad input is shown next to its field: a checked field before any request, the server's refusals after", async () => {
  const server = serve();
  renderApp("/namespaces/default/backfills/new?selection=trades%2Fnope&keys=2024-01-01,2024-01-02");
  expect((screen.getByLabelText(/^Keys/) as HTMLTextAreaElement).value).toBe("2024-01-01\n2024-01-02");
  await userEvent.clear(screen.getByLabelText("Max concurrent runs"));
  await userEvent.type(screen.getByLabelText("Max concurrent runs"), "0");
  await userEvent.click(screen.getByRole("button", { name: "Count" }));
  const maxField = screen.getByLabelText("Max concurrent runs").closest(".field") as HTMLElement;
  expect(within(maxField).getByRole("alert").textContent).toContain('at least 1, not "0"');
  expect(screen.getByLabelText("Max concurrent runs").getAttribute("aria-invalid")).toBe("true");
  expect(server.to(BACKFILLS)).toHaveLength(0);

  await userEvent.clear(screen.getByLabelText("Max concurrent runs"));
  await userEvent.type(screen.getByLabelText("Max concurrent runs"), "2");
  await userEvent.click(screen.getByRole("button", { name: "Count" }));
  const selectionField = screen.getByLabelText("Selection").closest(".field") as HTMLElement;
  expect((await within(selectionField).findByRole("alert")).textContent).toContain("unknown asset trades/nope");
  expect(await server.to(BACKFILLS)[0]?.json()).toMatchObject({ partitions: { keys: ["2024-01-01", "2024-01-02"] }, maxConcurrentRuns: 2 });

  await userEvent.clear(screen.getByLabelText("Selection"));
  await userEvent.type(screen.getByLabelText("Selection"), "trades/raw_trades");
  await userEvent.click(screen.getByLabelText("A key range"));
  await userEvent.type(screen.getByLabelText("From key"), "2024-12-31");
  await userEvent.type(screen.getByLabelText("To key (inclusive)"), "2024-01-01");
  await userEvent.click(screen.getByRole("button", { name: "Launch" }));
  const fromField = screen.getByLabelText("From key").closest(".field") as HTMLElement;
  expect((await within(fromField).findByRole("alert")).textContent).toContain("no partition from 2024-12-31 to 2024-01-01");
  // refused: still on the launcher
  expect(location()).toBe("/namespaces/default/backfills/new?selection=trades%2Fnope&keys=2024-01-01,2024-01-02");
});
