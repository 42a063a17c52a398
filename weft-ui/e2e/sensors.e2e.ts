import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";

/** weft dev's example sensor: every second it reads the fake chain (not mined in dev: no requests). */
const SENSOR = "chain-height";
/** weft dev's sensor watching an asset, created paused (then one report per new chain/daily_volume). */
const WATCHING = "volume-report";

describe("the sensors pages, against weft dev's example sensor", () => {
  const weft = inject("weftDev");
  let browser: Browser;

  beforeAll(async () => {
    browser = await connectChromium(inject("chromiumWs"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  interface Described {
    status: string;
    cursor?: string;
    pauseNote?: string;
    recentEvaluations: { time: string }[];
  }

  async function describeSensor(): Promise<Described> {
    const r = await fetch(`${weft.baseUrl}/api/v1/namespaces/default/sensors/${SENSOR}`);
    expect(r.status).toBe(200);
    return (await r.json()) as Described;
  }

  /** The sensor's cursor once its first evaluation recorded one. */
  async function storedCursor(): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const s = await describeSensor();
      if (s.cursor !== undefined) return s.cursor;
      if (Date.now() > deadline) throw new Error(`sensor ${SENSOR} recorded no cursor in 30 s`);
      await new Promise((done) => setTimeout(done, 500));
    }
  }

  /** The time of the newest evaluation the page shows. */
  async function newestEvaluation(p: Page): Promise<string> {
    const table = p.getByRole("table", { name: "Evaluations" });
    return (await table.locator("tbody tr").first().locator("time").getAttribute("datetime")) ?? "";
  }

  it("opens the sensor from the list, sees its evaluations grow, pauses it with a note and unpauses it, and passes axe", async () => {
    await storedCursor();
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto("/namespaces/default/sensors");
    const list = p.getByRole("table", { name: "Sensors" });
    const row = list.getByRole("row").filter({ hasText: SENSOR });
    await row.getByText("running").waitFor();
    await expect(row.textContent()).resolves.toContain("every 1 s");
    await row.getByText(/no new block|first look/).waitFor();
    await expectAccessible(p, "the sensors list");

    await row.getByRole("link", { name: SENSOR }).click();
    await p.getByRole("heading", { name: SENSOR, level: 1 }).waitFor();
    await p.getByRole("table", { name: "Evaluations" }).waitFor();
    const first = await newestEvaluation(p);
    // the page refreshes itself: a newer evaluation comes on top
    await p.waitForFunction(
      (before) => {
        const t = document.querySelector('table[aria-label="Evaluations"] tbody tr time');
        return t !== null && (t.getAttribute("datetime") ?? "") > before;
      },
      first,
      { timeout: 20_000 },
    );
    await expect(p.getByRole("table", { name: "Evaluations" }).textContent()).resolves.toContain("no new block");
    await expectAccessible(p, "the sensor page");

    await p.getByRole("button", { name: "Pause", exact: true }).click();
    const dialog = p.getByRole("dialog", { name: `Pause ${SENSOR}?` });
    const confirm = dialog.getByRole("button", { name: "Pause", exact: true });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(/^Note/).fill("paused by the browser test");
    await expectAccessible(p, "the pause dialog");
    await confirm.click();
    await dialog.waitFor({ state: "detached" });
    await p.getByText("paused", { exact: true }).first().waitFor({ timeout: 20_000 });
    await p.getByText("paused by the browser test").first().waitFor();
    await p.getByText("none while paused").waitFor();
    expect(await describeSensor()).toMatchObject({ status: "PAUSED", pauseNote: "paused by the browser test" });

    await p.getByRole("button", { name: "Unpause", exact: true }).click();
    await p.getByRole("dialog", { name: `Unpause ${SENSOR}?` }).getByRole("button", { name: "Unpause" }).click();
    await p.getByText("running", { exact: true }).waitFor({ timeout: 20_000 });
    expect((await describeSensor()).status).toBe("RUNNING");
    await context.close();
  });

  it("sets the cursor past the chain's head (no new block), then back to what it was", async () => {
    const before = await storedCursor();
    const ahead = String(Number(before) + 1000);
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto(`/namespaces/default/sensors/${SENSOR}`);
    await p.getByRole("table", { name: "Evaluations" }).waitFor();

    const setCursor = async (value: string) => {
      await p.getByRole("button", { name: "Set cursor", exact: true }).click();
      const dialog = p.getByRole("dialog", { name: `Set the cursor of ${SENSOR}` });
      await dialog.getByLabel("New cursor").fill(value);
      const answer = p.waitForResponse((r) => r.url().endsWith(`/sensors/${SENSOR}/cursor`));
      await dialog.getByRole("button", { name: "Set cursor", exact: true }).click();
      expect((await answer).status()).toBe(202);
      await dialog.waitFor({ state: "detached" });
    };
    const cursorShown = (value: string) =>
      p.waitForFunction(
        (v) => {
          const dt = [...document.querySelectorAll("dl.facts dt")].find((d) => d.textContent === "Cursor");
          return dt?.nextElementSibling?.textContent === v;
        },
        value,
        { timeout: 20_000 },
      );

    try {
      await setCursor(ahead);
      await cursorShown(ahead);
      await p.getByRole("table", { name: "Evaluations" }).getByText(`last seen ${ahead}`).first().waitFor({ timeout: 20_000 });
    } finally {
      await setCursor(before);
    }
    await cursorShown(before);
    expect((await describeSensor()).cursor).toBe(before);
    await context.close();
  });

  it("lists the sensor watching chain/daily_volume, created paused: no evaluation, no report", async () => {
    const r = await fetch(`${weft.baseUrl}/api/v1/namespaces/default/sensors/${WATCHING}`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: "PAUSED", watchedAssets: ["chain/daily_volume"], recentEvaluations: [] });

    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto("/namespaces/default/sensors");
    const list = p.getByRole("table", { name: "Sensors" });
    await list.getByRole("row").filter({ hasText: SENSOR }).waitFor();
    await list.getByRole("row").filter({ hasText: WATCHING }).getByRole("link", { name: WATCHING }).click();
    await p.getByRole("heading", { name: WATCHING, level: 1 }).waitFor();
    await p.getByText("none while paused").waitFor();
    await expect(p.locator("dl.facts").textContent()).resolves.toContain("each new materialization of chain/daily_volume");
    await expectAccessible(p, "a paused sensor watching an asset");
    await context.close();

    const reports = await fetch(
      `${weft.baseUrl}/api/v1/namespaces/default/workflows?query=${encodeURIComponent("WorkflowType = 'VolumeReport'")}`,
    );
    expect(reports.status).toBe(200);
    expect(((await reports.json()) as { workflows: unknown[] }).workflows).toEqual([]);
  });

  it("writes the screenshots of the sensors list and a sensor page, light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const context = await newContext(browser, weft.baseUrl, { colorScheme: theme });
      const p = await context.newPage();
      await p.goto("/namespaces/default/sensors");
      await p.getByRole("table", { name: "Sensors" }).getByText(/no new block|first look/).waitFor();
      expect(await screenshot(p, `sensors-${theme}`)).toMatchObject({ width: 1280, height: 800 });
      await p.goto(`/namespaces/default/sensors/${SENSOR}`);
      await p.getByRole("table", { name: "Evaluations" }).waitFor();
      expect(await screenshot(p, `sensor-${theme}`)).toMatchObject({ width: 1280, height: 800 });
      await context.close();
    }
  });
});
