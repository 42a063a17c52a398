import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";


/** The runs `weft dev` starts on a fresh store (ExamplesApp.startExamples). */
const EXAMPLE_RUNS = [
  "order-1001",
  "order-1002",
  "subscription-ada@example.com",
  "approval-exp-2001",
  "greeting-ada",
  "publish-daily-report",
];

describe("the workflows list, against weft dev's example runs", () => {
  const weft = inject("weftDev");
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await connectChromium(inject("chromiumWs"));
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function freshPage(): Promise<Page> {
    await context?.close();
    context = await newContext(browser, weft.baseUrl);
    page = await context.newPage();
    return page;
  }

  const runLink = (p: Page, id: string) => p.getByRole("link", { name: id, exact: true });
  const filterBox = (p: Page) => p.getByRole("searchbox", { name: "Filter" });

  it("opens at / on the default namespace's workflows, with the six example runs and the example assets' materialization, and passes axe", async () => {
    const p = await freshPage();
    await p.goto("/");

    await p.waitForURL("**/namespaces/default/workflows");
    await p.getByRole("heading", { name: "Workflows", level: 1 }).waitFor();
    for (const id of EXAMPLE_RUNS) await runLink(p, id).waitFor();
    const ids = await p.getByRole("table", { name: "Runs" }).getByRole("link").allTextContents();
    // the engine's own runs: the examples' materialization, and the report's wait and child
    const system = ids.filter((id) => id.startsWith("__weft_"));
    expect(system.filter((id) => id.startsWith("__weft_materialize:")).length).toBeGreaterThanOrEqual(1);
    expect(ids.filter((id) => !system.includes(id)).sort()).toEqual([...EXAMPLE_RUNS].sort());
    await expectAccessible(p, "the workflows list");
  });

  it("narrows the list with a filter that lands in the URL and survives back navigation", async () => {
    const p = await freshPage();
    await p.goto("/namespaces/default/workflows");
    await runLink(p, "order-1002").waitFor();

    const filter = "WorkflowId STARTS_WITH 'order-'";
    await filterBox(p).fill(filter);
    await filterBox(p).press("Enter");

    await p.waitForURL((url) => url.searchParams.get("query") === filter);
    await runLink(p, "greeting-ada").waitFor({ state: "detached" });
    await runLink(p, "order-1001").waitFor();
    await runLink(p, "order-1002").waitFor();
    const narrowed = await p.getByRole("table", { name: "Runs" }).getByRole("link").allTextContents();
    expect([...narrowed].sort()).toEqual(["order-1001", "order-1002"]);

    await runLink(p, "order-1001").click();
    await p.waitForURL("**/namespaces/default/workflows/order-1001?runId=*");
    await p.goBack();

    await p.waitForURL((url) => url.pathname === "/namespaces/default/workflows" && url.searchParams.get("query") === filter);
    await expect(filterBox(p).inputValue()).resolves.toBe(filter);
    await runLink(p, "order-1002").waitFor();
    await expect(runLink(p, "greeting-ada").count()).resolves.toBe(0);
  });

  it("shows the server's message for a filter with a syntax error", async () => {
    const p = await freshPage();
    const bad = "WorkflowId = ";
    const answer = await fetch(
      `${weft.baseUrl}/api/v1/namespaces/default/workflows?query=${encodeURIComponent(bad)}`,
    );
    expect(answer.status).toBe(400);
    const problem = (await answer.json()) as { type: string; title: string; detail: string };

    await p.goto(`/namespaces/default/workflows?query=${encodeURIComponent(bad)}`);

    const alert = p.getByRole("alert").filter({ hasText: problem.title });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(problem.detail);
    await expect(filterBox(p).getAttribute("aria-invalid")).resolves.toBe("true");
    await expectAccessible(p, "the workflows list with a bad filter");
  });

  it("writes the screenshots of the workflows list, light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const c = await newContext(browser, weft.baseUrl, { colorScheme: theme });
      const p = await c.newPage();
      await p.goto("/namespaces/default/workflows");
      for (const id of EXAMPLE_RUNS) await runLink(p, id).waitFor();

      const png = await screenshot(p, `workflows-${theme}`);

      expect(png).toMatchObject({ width: 1280, height: 800 });
      await c.close();
    }
  });
});
