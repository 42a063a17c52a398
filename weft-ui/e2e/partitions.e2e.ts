import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { compileBenchApp } from "../bench/support/seed";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { javaBinary, weftJar, WeftProcess } from "./support/weft";

/** The asset bench/seed UiBenchPartitions seeds: 10,000,000 partitions, one failed, the tail missing. */
const NAMESPACE = "partitions";
const ASSET_PAGE = `/namespaces/${NAMESPACE}/assets/parts/big`;

// Its own weft server on a store holding the 10,000,000-partition asset alone (seeded in seconds:
// the statuses are written as ranges).
describe("the partitions section, its status bar and the backfill launcher", () => {
  let weft: WeftProcess;
  let browser: Browser;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "weft-e2e-partitions-"));
    const classes = compileBenchApp(dir);
    const seeded = spawnSync(
      javaBinary(),
      ["--enable-native-access=ALL-UNNAMED", "-cp", `${weftJar()}:${classes}`, "dev.weft.uibench.UiBenchPartitions", join(dir, "weft.db")],
      { encoding: "utf8" },
    );
    if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}${seeded.stderr}`);
    weft = await WeftProcess.server(dir, ["--store", "weft.db", "--app", classes, "--no-examples"]);
    browser = await connectChromium(inject("chromiumWs"));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  async function tip(p: Page): Promise<string> {
    return (await p.locator(".partition-bar-tip").textContent()) ?? "";
  }

  it("draws the bar of 10,000,000 partitions, zooms into the failed bucket by keyboard, lists and looks up, and passes axe", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto(ASSET_PAGE);
    const canvas = p.locator(".partition-bar canvas[data-drawn]");
    await canvas.waitFor();
    expect(Number(await canvas.getAttribute("data-drawn"))).toBeGreaterThan(100);
    await expect(p.locator(".partition-bar-summary").textContent()).resolves.toMatch(
      /^10,000,000 partitions from 0 to 9999999 in 1,000 buckets: 9,499,999 materialized, 1 failed, 500,000 missing; failed partitions in 1 bucket\.$/,
    );
    await expect(p.getByRole("list", { name: "Partitions per status" }).textContent()).resolves.toContain("1 failed");
    await expectAccessible(p, "the partitions section");

    const bar = p.getByRole("group", { name: "Partition status bar of parts/big" });
    await bar.focus();
    await p.keyboard.press("ArrowRight");
    expect(await tip(p)).toBe("Keys 0 to 9999: 10,000 partitions (10,000 materialized)");
    await p.keyboard.press("Home");
    for (let i = 0; i < 4; i++) await p.keyboard.press("PageDown");
    for (let i = 0; i < 24; i++) await p.keyboard.press("ArrowRight");
    expect(await tip(p)).toBe("Keys 4240000 to 4249999: 10,000 partitions (9,999 materialized, 1 failed)");
    await p.keyboard.press("Enter");
    await p.locator('.partition-bar canvas[data-from="4240000"][data-to="4249999"]').waitFor();
    await expect(p.locator(".partition-bar-summary").textContent()).resolves.toMatch(/^10,000 partitions from 4240000 to 4249999/);
    await p.getByRole("button", { name: "Whole range" }).click();
    await p.locator('.partition-bar canvas[data-from="0"][data-to="9999999"]').waitFor();

    const failed = p.getByRole("table", { name: "Partition ranges failed" });
    await failed.waitFor();
    await expect(failed.textContent()).resolves.toContain("4242424");
    await p.getByLabel("Partition key").fill("4242424");
    await p.getByRole("button", { name: "Look up" }).click();
    await expect(p.getByLabel("Partition 4242424").textContent()).resolves.toContain("a failure seeded by the browser benchmark");
    await p.getByLabel("Partition key").fill("not-a-key");
    await p.getByRole("button", { name: "Look up" }).click();
    await p.getByRole("alert").filter({ hasText: "not-a-key" }).waitFor();
    await context.close();
  });

  it("counts a backfill of 100 partitions from the section's Backfill link, shows a bad key next to its field, and passes axe", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto(`/namespaces/${NAMESPACE}/backfills/new?selection=parts%2Fbig&from=0&to=99`);
    await p.getByRole("button", { name: "Count" }).click();
    await p.getByRole("table", { name: "Dry run per asset" }).waitFor();
    await expect(p.getByRole("heading", { level: 2 }).first().textContent()).resolves.toMatch(/^100 partitions in \d+ runs?$/);
    await expectAccessible(p, "the backfill launcher with a dry run");

    await p.getByLabel("To key (inclusive)").fill("x");
    await p.getByRole("button", { name: "Count" }).click();
    // next to the range's fields (the server names `to`, or the range)
    await p.locator(".inline-form .field").getByRole("alert").filter({ hasText: "x" }).first().waitFor();
    await expectAccessible(p, "the backfill launcher with a refused key");

    await p.goto(`/namespaces/${NAMESPACE}/backfills`);
    await p.getByRole("heading", { name: "Backfills", level: 1 }).waitFor();
    await expectAccessible(p, "the backfills list");
    await context.close();
  });
});
