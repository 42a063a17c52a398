import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";
import { WeftProcess } from "./support/weft";

const SCHEDULE = "trades-daily";
const SCHEDULE_PAGE = `/namespaces/default/schedules/${SCHEDULE}`;
/** The UI refreshes every 3 s and a signal is handled by the schedule's workflow: allow a busy machine. */
const LIVE = { timeout: 30_000 };

/** `2026-12-04T00:00`: midnight UTC `days` days before today, as a datetime-local input takes it. */
function midnightUtc(daysAgo: number): string {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - daysAgo);
  return d.toISOString().slice(0, 16);
}

// Its own weft dev: every firing starts a run `trades-daily@<time>`, which the shared dev's
// workflows list would then show next to the example runs (e2e/workflows expects only those).
describe("the schedules pages, against weft dev's example schedule trades-daily", () => {
  let weft: WeftProcess;
  let browser: Browser;

  beforeAll(async () => {
    weft = await WeftProcess.dev();
    browser = await connectChromium(inject("chromiumWs"));
  }, 240_000);

  afterAll(async () => {
    // leave the schedule as weft dev defines it: unpaused
    await fetch(`${weft.baseUrl}/api/v1/namespaces/default/schedules/${SCHEDULE}/unpause`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    }).catch(() => undefined);
    await browser?.close();
    await weft?.close();
  });

  async function firingRows(p: Page) {
    return p.getByRole("table", { name: "Recent firings" }).getByRole("row").filter({ has: p.getByRole("cell") });
  }

  it("lists trades-daily with its next fire time from the navigation, and passes axe", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto("/namespaces/default/workflows");
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedules" }).click();
    await p.waitForURL("**/namespaces/default/schedules");
    await p.getByRole("heading", { name: "Schedules", level: 1 }).waitFor();
    const row = p.getByRole("table", { name: "Schedules" }).getByRole("row").filter({ hasText: SCHEDULE });
    await row.waitFor(LIVE);
    await expect(row.textContent()).resolves.toContain("cron 0 1 * * * in UTC");
    await row.getByText("trades/trades_by_day+, the partition before the fire time").waitFor(LIVE);
    await expect(row.textContent()).resolves.toContain("active");
    // the next fire time: tomorrow's or today's 01:00 UTC
    const next = new Date((await row.locator("time").first().getAttribute("datetime")) ?? "");
    expect(next.getUTCHours()).toBe(1);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
    await expectAccessible(p, "the schedules list");

    await row.getByRole("link", { name: SCHEDULE }).click();
    await p.waitForURL(`**${SCHEDULE_PAGE}`);
    await p.getByRole("list", { name: "Next fire times" }).waitFor();
    expect(await p.getByRole("list", { name: "Next fire times" }).getByRole("listitem").count()).toBe(10);
    await context.close();
  });

  it("pauses with a note (shown), unpauses, triggers now and follows the firing's run link", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto(SCHEDULE_PAGE);
    const title = p.locator(".toolbar", { has: p.getByRole("heading", { name: SCHEDULE, level: 1 }) });
    await title.getByText("active").waitFor();

    await p.getByRole("button", { name: "Pause" }).click();
    const pause = p.getByRole("dialog", { name: `Pause ${SCHEDULE}?` });
    await pause.getByLabel(/^Note/).fill("vendor feed late (browser test)");
    await pause.getByRole("button", { name: "Pause" }).click();
    await title.getByText("vendor feed late (browser test)").waitFor(LIVE);
    await title.getByText("paused", { exact: true }).waitFor();

    await p.getByRole("button", { name: "Unpause" }).click();
    await p.getByRole("dialog", { name: `Unpause ${SCHEDULE}?` }).getByRole("button", { name: "Unpause" }).click();
    await title.getByText("active").waitFor(LIVE);
    await p.getByRole("button", { name: "Pause" }).waitFor();

    const before = await (await firingRows(p)).count();
    await p.getByRole("button", { name: "Trigger now" }).click();
    await p.getByRole("dialog", { name: `Trigger ${SCHEDULE} now?` }).getByRole("button", { name: "Trigger now" }).click();
    const run = p
      .getByRole("table", { name: "Recent firings" })
      .getByRole("link", { name: new RegExp(`^${SCHEDULE}@`) })
      .first();
    await run.waitFor(LIVE);
    expect(await (await firingRows(p)).count()).toBe(before + 1);
    const workflowId = (await run.textContent()) ?? "";
    await expect((await firingRows(p)).first().textContent()).resolves.toContain("STARTED");
    await expectAccessible(p, "a schedule's page with a firing");

    await run.click();
    await p.waitForURL(`**/namespaces/default/workflows/${encodeURIComponent(workflowId)}*`);
    await p.getByRole("heading", { name: workflowId, level: 1 }).waitFor();
    await context.close();
  });

  it("backfills two past days: two firings appear, each with its run", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto(SCHEDULE_PAGE);
    await p.getByRole("button", { name: "Backfill…" }).click();
    const dialog = p.getByRole("dialog", { name: `Backfill ${SCHEDULE}` });
    const from = midnightUtc(4);
    const to = midnightUtc(2);
    // a refused range shows the server's problem in the dialog
    await dialog.getByLabel("From (UTC, exclusive)").fill(to);
    await dialog.getByLabel("To (UTC, inclusive)").fill(from);
    await dialog.getByRole("button", { name: "Backfill", exact: true }).click();
    await dialog.getByRole("alert").waitFor();
    await expectAccessible(p, "the backfill dialog with a refusal");

    // fire times in (4 days ago, 2 days ago]: 01:00 UTC 4 and 3 days ago; ALLOW_ALL, as the
    // triggered run may still run
    await dialog.getByLabel("From (UTC, exclusive)").fill(from);
    await dialog.getByLabel("To (UTC, inclusive)").fill(to);
    await dialog.getByLabel("Overlap policy").selectOption("ALLOW_ALL");
    await dialog.getByRole("button", { name: "Backfill", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    const firings = p.getByRole("table", { name: "Recent firings" });
    for (const daysAgo of [4, 3]) {
      const nominal = `${midnightUtc(daysAgo).slice(0, 10)}T01:00:00Z`;
      const link = firings.getByRole("link", { name: `${SCHEDULE}@${nominal}`, exact: true });
      await link.waitFor(LIVE);
      expect(await link.getAttribute("href")).toMatch(/\?runId=/);
    }
    await context.close();
  });

  it("writes the screenshots of the schedules list and a schedule's page, light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const context = await newContext(browser, weft.baseUrl, { colorScheme: theme });
      const p = await context.newPage();
      await p.goto("/namespaces/default/schedules");
      await p.getByRole("table", { name: "Schedules" }).getByText("STARTED").waitFor(LIVE);
      expect(await screenshot(p, `schedules-${theme}`)).toMatchObject({ width: 1280, height: 800 });
      await p.goto(SCHEDULE_PAGE);
      await p.getByRole("table", { name: "Recent firings" }).waitFor(LIVE);
      expect(await screenshot(p, `schedule-${theme}`)).toMatchObject({ width: 1280, height: 800 });
      await context.close();
    }
  });
});
