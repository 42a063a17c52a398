import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { WeftProcess } from "./support/weft";

describe("the server-down banner", () => {
  let weft: WeftProcess;
  let browser: Browser;

  beforeAll(async () => {
    weft = await WeftProcess.dev();
    browser = await connectChromium(inject("chromiumWs"));
  });

  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  it("appears when the server stops and disappears when it is back on the same port and data", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    await page.goto("/namespaces/default/workflows");
    await page.getByRole("link", { name: "order-1001", exact: true }).waitFor();
    const banner = page.getByRole("alert").filter({ hasText: "The Weft server does not answer" });
    await expect(banner.count()).resolves.toBe(0);

    await weft.stop();

    // the list refreshes on its own; its failed request raises the banner
    await banner.waitFor({ timeout: 30_000 });
    await expectAccessible(page, "the workflows list with the server-down banner");

    await weft.start();

    await banner.waitFor({ state: "detached", timeout: 30_000 });
    // the same store: the example runs are still there
    await page.getByRole("link", { name: "order-1001", exact: true }).waitFor();
    await page.getByRole("link", { name: "approval-exp-2001", exact: true }).waitFor();
    await context.close();
  });
});
