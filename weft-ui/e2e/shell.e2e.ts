import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { launchChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";
import { WeftProcess } from "./support/weft";

describe("the shell, served by weft dev", () => {
  let weft: WeftProcess;
  let browser: Browser;

  beforeAll(async () => {
    weft = await WeftProcess.dev();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  it("loads at / with the app's heading, and passes axe", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    const response = await page.goto("/");

    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe("Weft");
    await page.getByRole("heading", { name: "Weft", level: 1 }).waitFor();
    await expectAccessible(page, "/");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("serves the app for a deep link (the SPA fallback) so a reload keeps the page", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();

    const response = await page.goto("/namespaces/default/workflows");

    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toContain("text/html");
    await page.getByRole("heading", { name: "Weft", level: 1 }).waitFor();
    await context.close();
  });

  it("writes the screenshots of the shell, light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const context = await newContext(browser, weft.baseUrl, { colorScheme: theme });
      const page = await context.newPage();
      await page.goto("/");
      await page.getByRole("heading", { name: "Weft", level: 1 }).waitFor();

      // the system preference picks the theme's custom properties (styles.css)
      const scheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
      expect(scheme).toBe(theme);
      const png = await screenshot(page, `shell-${theme}`);

      expect(png).toMatchObject({ width: 1280, height: 800 });
      await context.close();
    }
  });
});
