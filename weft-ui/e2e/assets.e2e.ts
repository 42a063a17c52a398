import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";
import { WeftProcess } from "./support/weft";

interface AssetState {
  status: string;
  reasons: { kind: string; detail: string }[];
}

// Its own weft dev: it restarts it with trades/daily_metrics at code version v2, and materializes,
// which the shared dev's workflows list would then show next to the example runs.
describe("the asset catalog, an asset's page and the materialize launcher", () => {
  let weft: WeftProcess;
  let browser: Browser;

  async function state(key: string): Promise<AssetState> {
    const r = await fetch(`${weft.baseUrl}/api/v1/namespaces/default/assets/${encodeURIComponent(key)}`);
    expect(r.status).toBe(200);
    return ((await r.json()) as { state: AssetState }).state;
  }

  async function until(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not in 90 s: ${what}\n${weft.log()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  beforeAll(async () => {
    weft = await WeftProcess.dev();
    // weft dev materializes every example asset once (daily metrics v1) ...
    await until("trades/daily_metrics is materialized", async () => (await state("trades/daily_metrics")).status === "FRESH");
    // ... and so does the daily report (it materializes the metrics again): let it end first, or
    // it would materialize them with v2 after the restart and they would not stay stale
    await until("the daily report completed", async () => {
      const r = await fetch(`${weft.baseUrl}/api/v1/namespaces/default/workflows/publish-daily-report`);
      return r.status === 200 && ((await r.json()) as { status: string }).status === "COMPLETED";
    });
    await weft.stop();
    // ... and the next start registers the daily metrics' code version v2: they are stale
    weft.setEnv({ WEFT_EXAMPLES_DAILY_METRICS: "v2" });
    await weft.start();
    browser = await connectChromium(inject("chromiumWs"));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  it("shows trades/daily_metrics STALE with the code-version reason in the catalog, and passes axe", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto("/namespaces/default/workflows");
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assets" }).click();
    await p.getByRole("heading", { name: "Assets", level: 1 }).waitFor();
    const row = p.locator(".asset-row", { hasText: "trades/daily_metrics" });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Stale");
    await expect(row.textContent()).resolves.toMatch(/Code version changed: .*v1.*v2/);
    expect(await p.locator(".asset-row").count()).toBeGreaterThanOrEqual(10);
    await expectAccessible(p, "the asset catalog");
    await screenshot(p, "assets-catalog-light");

    // the status filter is in the URL and narrows the rows
    await p.getByRole("combobox", { name: "Status" }).selectOption("STALE");
    await p.waitForURL("**/assets?status=STALE");
    // the URL changes before the filtered rows replace the others: wait for them
    await expect
      .poll(() => p.locator(".asset-row").allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringContaining("trades/daily_metrics")]);
    await context.close();
  });

  it("opens an asset's page with its reasons, history rows, metadata plot and a check result, and passes axe", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto("/namespaces/default/assets");
    await p.getByRole("link", { name: "trades/daily_metrics", exact: true }).click();
    await p.waitForURL("**/assets/trades/daily_metrics");
    await p.getByRole("heading", { name: "trades/daily_metrics", level: 1 }).waitFor();
    await expect(p.getByRole("list", { name: "Stale reasons" }).textContent()).resolves.toContain("Code version changed");
    await p.getByRole("table", { name: "Materializations" }).locator("tbody tr").first().waitFor();
    await expectAccessible(p, "an asset's page (stale)");

    await p.getByRole("list", { name: "Upstream assets" }).getByRole("link", { name: "trades/processed_trades" }).click();
    await p.getByRole("heading", { name: "trades/processed_trades", level: 1 }).waitFor();
    const check = p.getByRole("table", { name: "Latest check results" }).locator("tbody tr", { hasText: "positive_quantities" });
    await check.waitFor();
    await expect(check.textContent()).resolves.toContain("Passed");
    const history = p.getByRole("table", { name: "Materializations" }).locator("tbody tr");
    await history.first().waitFor();
    await expect(history.first().textContent()).resolves.toContain("Materialized");
    // one materialization per run of the trades (weft dev's first and the daily report's)
    await p.getByRole("img", { name: /^rows: \d+ values/ }).waitFor();
    // the run link finds the __weft_materialize workflow of the run
    await history.first().getByRole("link", { name: /^Run / }).click();
    await p.waitForURL(/\/workflows\/__weft_materialize%3A[^?]+\?runId=/);
    await p.goBack();
    await p.getByRole("heading", { name: "trades/processed_trades", level: 1 }).waitFor();
    await expectAccessible(p, "an asset's page");
    await screenshot(p, "asset-page-light");
    await context.close();
  });

  it("previews a selection in dependency order, launches it, and sees the run complete and the asset FRESH", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto("/namespaces/default/assets");
    await p.getByRole("link", { name: "Materialize…" }).click();
    await p.getByRole("heading", { name: "Materialize assets", level: 1 }).waitFor();

    const input = p.getByRole("textbox", { name: "Selection" });
    await input.fill("trades/daily_metrics =x");
    await p.getByRole("button", { name: "Preview" }).click();
    await expect(p.getByLabel(/The selection is wrong at position \d+/).textContent()).resolves.toContain("^");
    await p.getByRole("alert").waitFor();
    await expectAccessible(p, "the launcher with a syntax error");

    await input.fill("trades/daily_metric");
    await p.getByRole("button", { name: "Preview" }).click();
    await p.getByText("Unknown asset: trades/daily_metric").waitFor();
    await expect(p.getByRole("alert").textContent()).resolves.toContain("trades/daily_metrics");

    await input.fill("+trades/daily_metrics");
    await p.getByRole("button", { name: "Preview" }).click();
    const plan = p.getByRole("list", { name: "Planned assets" });
    await plan.waitFor();
    const keys = await plan.getByRole("link").allTextContents();
    expect(keys).toHaveLength(4);
    expect(keys.at(-1)).toBe("trades/daily_metrics");
    expect(keys.indexOf("trades/raw_trades")).toBeLessThan(keys.indexOf("trades/processed_trades"));
    await expectAccessible(p, "the launcher with a plan");
    await screenshot(p, "assets-materialize-light");

    await p.getByRole("button", { name: "Materialize 4 assets" }).click();
    const dialog = p.getByRole("dialog", { name: "Materialize +trades/daily_metrics?" });
    await dialog.getByRole("button", { name: "Materialize 4 assets" }).click();
    const run = p.getByRole("link", { name: /^__weft_materialize:/ });
    await run.waitFor();
    await p.getByText("COMPLETED", { exact: true }).waitFor({ timeout: 60_000 });

    await p.goto("/namespaces/default/assets?q=daily_metrics");
    const row = p.locator(".asset-row", { hasText: "trades/daily_metrics" });
    await row.getByText("Fresh").waitFor({ timeout: 30_000 });
    expect((await state("trades/daily_metrics")).status).toBe("FRESH");
    await context.close();
  });
});
