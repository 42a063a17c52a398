import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, stubLayout } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { assetRoutes } from "./assetFixtures";
import type { AssetSummary } from "./assetsApi";

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  vi.unstubAllGlobals();
  restoreLayout();
});

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(".asset-row")];
}

test("the catalog shows each asset's status as words, its reasons, group, kind, version and checks", async () => {
  fakeServer((url, request) => assetRoutes(url, request) ?? json({}));
  renderApp("/namespaces/default/assets");
  await screen.findByRole("link", { name: "trades/daily_metrics" });
  expect(rows()).toHaveLength(4);
  const stale = rows().find((r) => r.textContent?.includes("trades/daily_metrics"));
  expect(stale).toBeDefined();
  const cells = within(stale as HTMLElement).getAllByRole("cell").map((c) => c.textContent);
  expect(cells[1]).toContain("Stale");
  expect(cells[2]).toBe("Code version changed: code version v1 -> v2");
  expect(cells.slice(3)).toEqual(["trades", "Computed", expect.stringMatching(/2026/), "dv-metrics-2", "1 passed"]);
  const failed = rows().find((r) => r.textContent?.includes("chain/raw_blocks")) as HTMLElement;
  expect(failed.textContent).toContain("Failed");
  expect(failed.textContent).toContain("the chain did not answer");
  expect(failed.textContent).toContain("✕ 1 failed (1 blocking)");
  expect(rows().find((r) => r.textContent?.includes("chain/blocks"))?.textContent).toContain("Source");
  const counts = screen.getByRole("list", { name: "Assets by status" });
  expect(within(counts).getAllByRole("link").map((l) => l.textContent)).toEqual([
    "✓ Fresh 1",
    "↻ Stale 1",
    "○ Missing 1",
    "✕ Failed 1",
  ]);
  expect(screen.getByText("4 of 4 assets shown")).toBeTruthy();
  // rows are reached with the keyboard: their key is a link to the asset's page
  expect(within(stale as HTMLElement).getByRole("link").getAttribute("href")).toBe(
    "/namespaces/default/assets/trades/daily_metrics",
  );
});

test("the filter (text, group, status) is kept in the URL and narrows rows and counts", async () => {
  fakeServer((url, request) => assetRoutes(url, request) ?? json({}));
  renderApp("/namespaces/default/assets");
  await screen.findByRole("link", { name: "trades/daily_metrics" });
  await userEvent.type(screen.getByLabelText("Key contains"), "raw");
  await waitFor(() => expect(rows()).toHaveLength(2));
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/assets?q=raw");
  await userEvent.selectOptions(screen.getByLabelText("Group"), "trades");
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/assets?q=raw&group=trades");
  expect(rows().map((r) => r.querySelector("a")?.textContent)).toEqual(["trades/raw_trades"]);
  await userEvent.click(screen.getByRole("button", { name: "Clear" }));
  await userEvent.click(screen.getByRole("link", { name: /Stale/ }));
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/assets?status=STALE");
  expect(rows().map((r) => r.querySelector("a")?.textContent)).toEqual(["trades/daily_metrics"]);
  expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("STALE");
});

test("the catalog refreshes live and renders only the visible rows of 2,000 assets", async () => {
  const many: AssetSummary[] = Array.from({ length: 2000 }, (_, i) => ({
    assetKey: `bulk/a${String(i).padStart(4, "0")}`,
    partition: "",
    group: "bulk",
    kind: "COMPUTED",
    status: "MISSING",
    reasons: [],
    definedChecks: 0,
    checks: { passed: 0, failed: 0, blockingFailed: 0, warned: 0 },
  }));
  let status: AssetSummary["status"] = "MISSING";
  const server = fakeServer((url) =>
    url.pathname === "/api/v1/namespaces/default/assets"
      ? json({ assets: many.map((a, i) => (i === 0 ? { ...a, status } : a)) })
      : json({ namespaces: [] }),
  );
  renderApp("/namespaces/default/assets");
  await screen.findByRole("link", { name: "bulk/a0000" });
  expect(rows().length).toBeGreaterThan(5);
  expect(rows().length).toBeLessThan(60);
  expect(screen.getByText("2,000 of 2,000 assets shown")).toBeTruthy();
  status = "FRESH";
  await waitFor(() => expect(rows()[0]?.textContent).toContain("Fresh"), { timeout: 6000 });
  expect(server.to("/api/v1/namespaces/default/assets").length).toBeGreaterThan(1);
}, 20_000);
