import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { assetRoutes } from "./assetFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

const NS = "/api/v1/namespaces/default";

test("the asset page shows definition, reasons with links, neighbours, checks, history and plots", async () => {
  const server = fakeServer((url, request) => assetRoutes(url, request) ?? json({}));
  renderApp("/namespaces/default/assets/trades/daily_metrics");
  expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("trades/daily_metrics");
  await screen.findByText("trades and prices of a day");
  // the key's "/" goes encoded in the one path segment
  expect(server.to(`${NS}/assets/trades%2Fdaily_metrics`).length).toBeGreaterThan(0);
  expect(screen.getByText("team-data")).toBeTruthy();
  expect(screen.getByText("tier=gold")).toBeTruthy();
  expect(screen.getByText("v2")).toBeTruthy();

  const reasons = screen.getByRole("list", { name: "Stale reasons" });
  expect(reasons.textContent).toContain("Upstream is stale");
  expect(reasons.textContent).toContain("processed_trades is stale");
  expect(within(reasons).getByRole("link", { name: "trades/raw_trades" }).getAttribute("href")).toBe(
    "/namespaces/default/assets/trades/raw_trades",
  );
  expect(within(screen.getByRole("list", { name: "Upstream assets" })).getAllByRole("link")).toHaveLength(2);
  expect(within(screen.getByRole("list", { name: "Downstream assets" })).getByRole("link").textContent).toBe("trades/report");

  const checks = screen.getByRole("table", { name: "Latest check results" });
  const check = within(checks).getAllByRole("row")[1] as HTMLElement;
  expect(within(check).getAllByRole("cell").map((c) => c.textContent).slice(0, 5)).toEqual([
    "non_negative",
    "✕ Failed",
    "ERROR",
    "Blocking",
    "negatives: 3",
  ]);

  const history = await screen.findByRole("table", { name: "Materializations" });
  let entries = within(history).getAllByRole("row").slice(1);
  expect(entries).toHaveLength(2);
  expect(entries[0]?.textContent).toContain("no prices for the day");
  expect(entries[0]?.textContent).toContain("java.lang.IllegalStateException");
  expect(entries[1]?.textContent).toContain("dv-metrics-2");
  expect(entries[1]?.textContent).toContain("trades/processed_trades dv-pt-1");
  expect(entries[1]?.textContent).toContain("rows: 12");
  // the run link finds the materialization workflow of the run
  await waitFor(() =>
    expect(within(entries[1] as HTMLElement).getByRole("link", { name: "Run run-2" }).getAttribute("href")).toBe(
      "/namespaces/default/workflows/__weft_materialize%3Arun-2?runId=run-2",
    ),
  );
  expect(screen.getByRole("img", { name: "rows: 1 values from 12 to 12, latest 12" })).toBeTruthy();

  await userEvent.click(screen.getByRole("button", { name: "Load older materializations" }));
  await waitFor(() => {
    entries = within(history).getAllByRole("row").slice(1);
    expect(entries).toHaveLength(3);
  });
  expect(entries[2]?.textContent).toContain("dv-metrics-1");
  expect(screen.queryByRole("button", { name: "Load older materializations" })).toBeNull();
  expect(screen.getByRole("img", { name: "rows: 2 values from 7 to 12, latest 12" })).toBeTruthy();
  expect(screen.getByRole("img", { name: "computeMillis: 2 values from 4 to 9, latest 4" })).toBeTruthy();
});

test("Materialize asks first, is disabled while the run runs, then links to the run", async () => {
  let runStatus = "RUNNING";
  const server = fakeServer((url, request) => {
    if (url.pathname === `${NS}/asset-materializations` && request.method === "POST") {
      return json({ workflowId: "__weft_materialize:u1", runId: "r1", selection: "trades/daily_metrics", assetKeys: ["trades/daily_metrics"] }, 202);
    }
    if (url.pathname === `${NS}/workflows/__weft_materialize%3Au1`) {
      return json({ workflowId: "__weft_materialize:u1", runId: "r1", workflowType: "__weft_materialize", taskQueue: "__weft_assets", status: runStatus, startTime: "2026-12-06T10:00:00Z", historyLength: 3 });
    }
    return assetRoutes(url, request) ?? json({});
  });
  renderApp("/namespaces/default/assets/trades/daily_metrics");
  await userEvent.click(await screen.findByRole("button", { name: "Materialize" }));
  const dialog = screen.getByRole("dialog", { name: "Materialize trades/daily_metrics?" });
  await userEvent.click(within(dialog).getByRole("button", { name: "Materialize" }));
  const link = await screen.findByRole("link", { name: "__weft_materialize:u1" });
  expect(link.getAttribute("href")).toBe("/namespaces/default/workflows/__weft_materialize%3Au1?runId=r1");
  const posts = server.to(`${NS}/asset-materializations`);
  expect(posts).toHaveLength(1);
  expect(await posts[0]?.clone().json()).toEqual({ selection: "trades/daily_metrics" });
  expect((screen.getByRole("button", { name: "Materialize (running)" }) as HTMLButtonElement).disabled).toBe(true);
  runStatus = "COMPLETED";
  await waitFor(() => expect((screen.getByRole("button", { name: "Materialize" }) as HTMLButtonElement).disabled).toBe(false), {
    timeout: 4000,
  });
  expect(screen.getByText("COMPLETED")).toBeTruthy();
});

test("an asset the graph lacks shows the server's problem", async () => {
  fakeServer((url) =>
    url.pathname.startsWith(`${NS}/assets/`)
      ? problem(404, "asset-not-found", "Not found", "asset chain/nope is not in the graph of namespace 'default'")
      : json({ namespaces: [] }),
  );
  renderApp("/namespaces/default/assets/chain/nope");
  const alerts = await screen.findAllByRole("alert");
  expect(alerts[0]?.textContent).toContain("asset chain/nope is not in the graph");
  expect(screen.queryByRole("button", { name: "Materialize" })).toBeNull();
});
