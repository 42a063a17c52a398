import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";


describe("the run page, against weft dev's example runs", () => {
  const weft = inject("weftDev");
  let browser: Browser;

  beforeAll(async () => {
    browser = await connectChromium(inject("chromiumWs"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Opens a run's page from the workflows list, as a user does, narrowed to the run by a filter: the
   * list draws only the rows that fit, and the runs other tests start push an example run out.
   */
  async function openFromList(page: Page, workflowId: string): Promise<void> {
    await page.goto(`/namespaces/default/workflows?query=${encodeURIComponent(`WorkflowId = '${workflowId}'`)}`);
    await page.getByRole("link", { name: workflowId, exact: true }).click();
    await page.getByRole("heading", { name: workflowId, level: 1 }).waitFor();
  }

  async function describeRun(workflowId: string): Promise<{ status: string }> {
    const r = await fetch(`${weft.baseUrl}/api/v1/namespaces/default/workflows/${encodeURIComponent(workflowId)}`);
    expect(r.status).toBe(200);
    return (await r.json()) as { status: string };
  }

  it("opens order-1001 with its timeline and its history, and passes axe", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    await openFromList(page, "order-1001");

    await page.getByRole("tab", { name: "Timeline", selected: true }).waitFor();
    const timeline = page.getByRole("region", { name: "Timeline" });
    await timeline.waitFor();
    await expect(timeline.getByRole("button", { name: "Zoom in" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, "the run page (timeline)");

    await page.getByRole("tab", { name: "Events" }).click();
    const events = page.getByRole("region", { name: "Events" });
    await events.getByText("WorkflowStarted", { exact: false }).first().waitFor();
    await events.getByRole("button", { name: "Raw JSON" }).click();
    await expect(events.getByRole("button", { name: "Raw JSON" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await expectAccessible(page, "the run page (events, raw JSON)");
    await context.close();
  });

  it("signals approval-exp-2001 from the UI: a double click sends one request, and the run moves on", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    await openFromList(page, "approval-exp-2001");
    expect((await describeRun("approval-exp-2001")).status).toBe("RUNNING");
    const signals: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/signals/")) signals.push(r.url());
    });

    await page.getByRole("button", { name: "Signal", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Signal approval-exp-2001" });
    await dialog.getByLabel("Signal name").fill("approve");
    await dialog.getByLabel("Arguments (JSON array)").fill('["dave", "looks good"]');
    await expectAccessible(page, "the signal dialog");
    const sent = page.waitForResponse((r) => r.url().includes("/signals/approve"));
    await dialog.getByRole("button", { name: "Signal", exact: true }).dblclick();
    expect((await sent).status()).toBeLessThan(300);

    await dialog.waitFor({ state: "detached" });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toContain("/workflows/approval-exp-2001/signals/approve");
    // the approver the workflow waits for approved: the run completes, and the page shows it live
    await page.getByText("COMPLETED", { exact: true }).waitFor({ timeout: 30_000 });
    expect((await describeRun("approval-exp-2001")).status).toBe("COMPLETED");
    await context.close();
  });

  it("shows the server's message when it refuses an action", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    await openFromList(page, "greeting-ada");

    await page.getByRole("button", { name: "Update", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Update greeting-ada" });
    await dialog.getByLabel("Update name").fill("noSuchUpdate");
    await dialog.getByLabel("Arguments (JSON array)").fill("[]");
    const refused = page.waitForResponse((r) => r.url().includes("/updates/noSuchUpdate"));
    await dialog.getByRole("button", { name: "Update", exact: true }).click();

    const answer = await refused;
    expect(answer.status()).toBeGreaterThanOrEqual(400);
    const problem = (await answer.json()) as { title: string; detail: string };
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(problem.title);
    await expect(alert.textContent()).resolves.toContain(problem.detail);
    await context.close();
  });

  it("writes the screenshots of a run page, light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const context = await newContext(browser, weft.baseUrl, { colorScheme: theme });
      const page = await context.newPage();
      await openFromList(page, "order-1001");
      await page.getByRole("region", { name: "Timeline" }).waitFor();

      const png = await screenshot(page, `run-${theme}`);

      expect(png).toMatchObject({ width: 1280, height: 800 });
      await context.close();
    }
  });
});
