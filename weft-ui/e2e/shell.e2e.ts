import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { weftCli } from "./support/weft";

describe("the shell, served by the shared weft dev", () => {
  const weft = inject("weftDev");
  let browser: Browser;

  beforeAll(async () => {
    browser = await connectChromium(inject("chromiumWs"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("loads at / on the default namespace's workflows, with the navigation, and passes axe", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    const response = await page.goto("/");

    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe("Weft");
    await page.waitForURL("**/namespaces/default/workflows");
    await page.getByRole("heading", { name: "Workflows", level: 1 }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual([
      "Workflows",
      "Task queues",
      "Batches",
      "Assets",
      "Lineage",
      "Backfills",
      "Schedules",
      "Sensors",
      "Webhooks",
      "Namespaces",
      "Nodes",
    ]);
    await expect(page.getByRole("combobox", { name: "Namespace" }).inputValue()).resolves.toBe("default");
    await expectAccessible(page, "/ (the workflows list)");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("serves a deep link (the SPA fallback), and says when there is no page at an address", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();

    const deep = await page.goto("/namespaces/default/task-queues");
    expect(deep?.status()).toBe(200);
    expect(deep?.headers()["content-type"]).toContain("text/html");
    await page.getByRole("heading", { name: "Task queues", level: 1 }).waitFor();

    await page.goto("/no/such/page");
    await page.getByRole("heading", { name: "Page not found", level: 1 }).waitFor();
    await expectAccessible(page, "the not-found page");
    await context.close();
  });

  it("reaches every control with the keyboard, with a visible focus", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    await page.goto("/namespaces/default/workflows");
    await page.getByRole("link", { name: "order-1001", exact: true }).waitFor();

    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el === null || el === document.body) return null;
        const style = getComputedStyle(el);
        const visible = style.outlineStyle !== "none" && style.outlineWidth !== "0px";
        return { name: el.getAttribute("aria-label") ?? el.textContent?.trim() ?? el.tagName, visible };
      });
      expect(focused, `Tab ${i + 1} focuses an element`).not.toBeNull();
      expect(focused?.visible, `focus on ${focused?.name ?? "?"} is visible`).toBe(true);
      reached.push(focused?.name ?? "");
    }
    expect(reached).toEqual(expect.arrayContaining(["Workflows", "Task queues", "Nodes"]));
    await context.close();
  });

  it("toggles the theme, and keeps the choice on reload", async () => {
    const context = await newContext(browser, weft.baseUrl, { colorScheme: "light" });
    const page = await context.newPage();
    await page.goto("/namespaces/default/workflows");
    const scheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    await page.getByRole("heading", { name: "Workflows", level: 1 }).waitFor();
    expect(await scheme()).toBe("light");

    await page.getByRole("button", { name: "Switch to the dark theme" }).click();

    expect(await scheme()).toBe("dark");
    await page.reload();
    await page.getByRole("button", { name: "Switch to the light theme" }).waitFor();
    expect(await scheme()).toBe("dark");
    await expectAccessible(page, "the workflows list, dark theme");
    await page.getByRole("button", { name: "Switch to the light theme" }).click();
    expect(await scheme()).toBe("light");
    await context.close();
  });

  it("switches the namespace with the picker", async () => {
    weftCli(weft.baseUrl, weft.dir, ["namespace", "create", "e2e-other", "--description", "browser tests"]);
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    await page.goto("/namespaces/default/workflows");
    await page.getByRole("link", { name: "order-1001", exact: true }).waitFor();
    const picker = page.getByRole("combobox", { name: "Namespace" });
    await picker.locator("option", { hasText: "e2e-other" }).waitFor({ state: "attached" });

    await picker.selectOption("e2e-other");

    await page.waitForURL("**/namespaces/e2e-other/workflows");
    await page.getByText("0 runs loaded").waitFor();
    await expect(page.getByRole("link", { name: "order-1001", exact: true }).count()).resolves.toBe(0);
    await picker.selectOption("default");
    await page.waitForURL("**/namespaces/default/workflows");
    await page.getByRole("link", { name: "order-1001", exact: true }).waitFor();
    await context.close();
  });
});
