import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";
import { WeftProcess } from "./support/weft";

interface Graph {
  nodes: { assetKey: string; group: string; status: string }[];
}

// Its own weft dev: materializing from the graph starts a `__weft_materialize` run that the shared
// dev's workflows list would then show next to the example runs.
describe("the lineage graph, against weft dev's two example graphs", () => {
  let weft: WeftProcess;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let graph: Graph;

  beforeAll(async () => {
    weft = await WeftProcess.dev();
    browser = await connectChromium(inject("chromiumWs"));
    const answer = await fetch(`${weft.baseUrl}/api/v1/namespaces/default/asset-graph`);
    graph = (await answer.json()) as Graph;
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await weft?.close();
  });

  async function openGraph(): Promise<Page> {
    await context?.close();
    context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto("/namespaces/default/workflows");
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lineage" }).click();
    await p.waitForURL("**/namespaces/default/asset-graph");
    await p.locator('.lineage-canvas[data-layout="done"]').waitFor();
    return p;
  }

  const assetNode = (p: Page, key: string) => p.getByRole("link", { name: new RegExp(`^${key}, `) });

  it("draws every asset of both example graphs, each with its status, and passes axe", async () => {
    expect(new Set(graph.nodes.map((n) => n.group))).toEqual(new Set(["chain", "trades"]));
    const p = await openGraph();
    await p.getByRole("heading", { name: "Asset lineage", level: 1 }).waitFor();
    for (const n of graph.nodes) await assetNode(p, n.assetKey).waitFor();
    await expect(p.locator(".lineage-canvas").getAttribute("data-nodes")).resolves.toBe(String(graph.nodes.length));
    // the status in words, not only as a colour
    const label = await assetNode(p, "chain/raw_blocks").getAttribute("aria-label");
    expect(label).toMatch(/^chain\/raw_blocks, (fresh|stale|missing|failed)(, observable source)?$/);
    await expect(assetNode(p, "chain/raw_blocks").textContent()).resolves.toMatch(/(fresh|stale|missing|failed)/);
    await expectAccessible(p, "the lineage graph");
    await screenshot(p, "lineage-light");
  });

  it("collapses a group into one node with its counts and expands it again", async () => {
    const p = await openGraph();
    const chain = graph.nodes.filter((n) => n.group === "chain").length;
    await p.getByRole("checkbox", { name: `Collapse chain (${chain})` }).check();
    const group = p.getByRole("button", { name: new RegExp(`^chain, ${chain} assets, .*collapsed group`) });
    await group.waitFor();
    await expect(p.getByRole("link", { name: /^chain\// }).count()).resolves.toBe(0);
    await assetNode(p, "trades/daily_metrics").waitFor();
    await expectAccessible(p, "the lineage graph with a group collapsed");
    await group.click();
    for (const n of graph.nodes.filter((n) => n.group === "chain")) await assetNode(p, n.assetKey).waitFor();
    await expect(p.getByRole("checkbox", { name: `Collapse chain (${chain})` }).isChecked()).resolves.toBe(false);
  });

  it("pans, zooms and finds a node from the keyboard", async () => {
    const p = await openGraph();
    const zoom = p.getByRole("toolbar", { name: "Zoom" });
    const percent = async () => Number((await zoom.getByText(/%$/).textContent())?.replace("%", ""));
    const first = await percent();
    await p.getByRole("group", { name: /^Lineage graph/ }).focus();
    await p.keyboard.press("-");
    expect(await percent()).toBeLessThan(first);
    await p.keyboard.press("ArrowLeft");
    await p.getByLabel("Find an asset").fill("daily_metrics");
    await p.getByLabel("Find an asset").press("Enter");
    const node = assetNode(p, "trades/daily_metrics");
    await expect.poll(() => node.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("a node clicked goes to its asset page", async () => {
    const p = await openGraph();
    await assetNode(p, "trades/daily_metrics").click();
    await p.waitForURL("**/namespaces/default/assets/trades/daily_metrics");
  });

  it("a selected node is materialized after a confirmation, with a link to its run", async () => {
    const p = await openGraph();
    await p.getByRole("checkbox", { name: "Select trades/raw_trades" }).click();
    await p.getByRole("region", { name: "Selection" }).getByText("trades/raw_trades", { exact: true }).waitFor();
    await p.getByRole("button", { name: "Materialize 1 selected" }).click();
    const dialog = p.getByRole("dialog", { name: "Materialize the selection?" });
    await dialog.getByRole("button", { name: "Materialize" }).click();
    const started = p.getByText(/^Materialization of 1 asset/);
    await started.waitFor();
    const run = started.getByRole("link", { name: /^__weft_materialize:/ });
    await expect(run.getAttribute("href")).resolves.toMatch(/^\/namespaces\/default\/workflows\/__weft_materialize%3A.+\?runId=/);
    await p.getByText(/^Materialization of 1 asset.*: completed$/).waitFor({ timeout: 60_000 });
    await assetNode(p, "trades/raw_trades").waitFor();
    await expect(p.getByRole("button", { name: "Materialize 1 selected" }).isEnabled()).resolves.toBe(true);
    await run.click();
    await p.waitForURL("**/namespaces/default/workflows/__weft_materialize*");
  });
});
