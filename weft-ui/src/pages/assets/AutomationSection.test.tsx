import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { assetRoutes } from "./assetFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

const AUTOMATION = "/api/v1/namespaces/default/assets/trades%2Fdaily_metrics/automation";

const fired = {
  id: 12,
  condition: "eager() & !missing()",
  fired: true,
  reason: "eager(): trades/processed_trades updated since the last run; !(missing(): materialized)",
  partitions: "{[0, 1)}",
  workflowId: "__weft_auto:trades/daily_metrics:41",
  runId: "run-auto-1",
  fromSeq: 38,
  toSeq: 41,
  at: "2026-12-06T10:00:00Z",
};
const notFired = {
  id: 9,
  condition: "eager() & !missing()",
  fired: false,
  reason: "not (eager() & !missing()): eager(): no upstream updated since the last run",
  fromSeq: 30,
  toSeq: 38,
  at: "2026-12-06T09:00:00Z",
};

test("the asset page shows the automation condition and its evaluations, paged", async () => {
  const server = fakeServer((url, request) => {
    if (url.pathname === AUTOMATION) {
      return url.searchParams.get("pageToken") === "h12"
        ? json({ assetKey: "trades/daily_metrics", condition: "eager() & !missing()", evaluations: [notFired] })
        : json({
            assetKey: "trades/daily_metrics",
            condition: "eager() & !missing()",
            evaluations: [fired],
            nextPageToken: "h12",
          });
    }
    return assetRoutes(url, request) ?? json({});
  });
  renderApp("/namespaces/default/assets/trades/daily_metrics");

  expect((await screen.findByLabelText("Automation condition")).textContent).toBe("eager() & !missing()");
  const table = screen.getByRole("table", { name: "Automation evaluations" });
  let rows = within(table).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(1);
  expect(rows[0]?.textContent).toContain("✓ Fired");
  expect(rows[0]?.textContent).toContain("trades/processed_trades updated since the last run");
  expect(rows[0]?.textContent).toContain("partitions {[0, 1)}");
  expect(rows[0]?.textContent).toContain("38…41");
  expect(
    within(rows[0] as HTMLElement)
      .getByRole("link", { name: "Run __weft_auto:trades/daily_metrics:41" })
      .getAttribute("href"),
  ).toBe("/namespaces/default/workflows/__weft_auto%3Atrades%2Fdaily_metrics%3A41?runId=run-auto-1");

  await userEvent.click(screen.getByRole("button", { name: "Load older evaluations" }));
  await waitFor(() => {
    rows = within(screen.getByRole("table", { name: "Automation evaluations" })).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
  });
  expect(rows[1]?.textContent).toContain("Not fired");
  expect(rows[1]?.textContent).toContain("eager(): no upstream updated since the last run");
  expect(rows[1]?.textContent).toContain("—");
  expect(screen.queryByRole("button", { name: "Load older evaluations" })).toBeNull();
  expect(server.to(AUTOMATION).some((r) => new URL(r.url).searchParams.get("pageToken") === "h12")).toBe(true);
});

test("an asset without a condition says so; a problem is shown with its title", async () => {
  fakeServer((url, request) => {
    if (url.pathname === AUTOMATION) {
      return json({ assetKey: "trades/daily_metrics", evaluations: [] });
    }
    return assetRoutes(url, request) ?? json({});
  });
  const view = renderApp("/namespaces/default/assets/trades/daily_metrics");
  expect(await screen.findByText(/No automation condition/)).toBeTruthy();
  expect(screen.queryByRole("table", { name: "Automation evaluations" })).toBeNull();
  view.unmount();

  fakeServer((url, request) => {
    if (url.pathname === AUTOMATION) {
      return problem(404, "asset-not-found", "Not found", "asset trades/daily_metrics is not in the graph");
    }
    return assetRoutes(url, request) ?? json({});
  });
  renderApp("/namespaces/default/assets/trades/daily_metrics");
  expect(await screen.findByText(/asset trades\/daily_metrics is not in the graph/)).toBeTruthy();
});
