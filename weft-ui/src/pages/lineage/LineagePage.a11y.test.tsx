import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type axe from "axe-core";
import { axeViolations, runAxe } from "../../testing/axe";
import { fakeServer, json, stubLayout } from "../../testing/fakeServer";
import { estimatedLabelWidth } from "./labelWidth";
import { gridLayouter, renderLineage } from "./renderLineage";
import { exampleGraph, layeredGraph, longKeyGraph, ONE_WORD_KEY } from "./testGraphs";

// ELK's first layout in a test file (its code warming up) can take seconds on a busy machine
const FIRST_DRAW = { timeout: 20_000 };

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  vi.unstubAllGlobals();
  restoreLayout();
});

test("the lineage page drawn, with a group collapsed and a selection, and its size prompt pass axe", async () => {
  let graph = exampleGraph();
  fakeServer((url) => json(url.pathname.endsWith("/asset-graph") ? graph : { namespaces: [] }));
  const { unmount } = renderLineage("/namespaces/default/asset-graph");
  await screen.findByRole("link", { name: "chain/decoded_blocks, fresh" }, FIRST_DRAW);
  expect(await axeViolations()).toEqual([]);
  await userEvent.click(screen.getByRole("checkbox", { name: "Select trades/raw_prices" }));
  await userEvent.click(screen.getByRole("checkbox", { name: "Collapse chain (4)" }));
  await screen.findByRole("button", { name: /^chain, 4 assets/ });
  expect(await axeViolations()).toEqual([]);
  unmount();

  graph = layeredGraph(400, 4);
  renderLineage("/namespaces/default/asset-graph", gridLayouter);
  await screen.findByRole("heading", { name: "This graph has 400 assets" });
  expect(await axeViolations()).toEqual([]);
}, 60_000); // axe over jsdom is slow on a busy machine

/** The graph nodes axe's label-content-name-mismatch checked, by outcome (the rule alone). */
async function labelInNameResults() {
  const result = await runAxe({ runOnly: ["label-content-name-mismatch"] });
  const count = (outcome: axe.Result[]) =>
    outcome.flatMap((r) => r.nodes).filter((n) => n.html.includes('class="lineage-node-main"')).length;
  return { passes: count(result.passes), incomplete: count(result.incomplete), violations: count(result.violations) };
}

/** Numbers of an SVG element's attributes. */
function num(el: Element | null | undefined, name: string): number {
  return Number(el?.getAttribute(name));
}

/**
 * Each drawn node's key line, and a check that it stays inside its box left of the checkbox: its
 * clip does, and the text it shows (by the label font's metrics) fits that clip.
 */
function keyLines(): { key: string; shown: string; cut: boolean }[] {
  return [...document.querySelectorAll("[data-node-id]")].map((node) => {
    const boxWidth = num(node.querySelector(".lineage-box"), "width");
    const checkX = boxWidth - 24;
    const [label, ellipsis] = [...node.querySelectorAll(".lineage-label")];
    const clipId = /^url\(#(.+)\)$/.exec(label?.getAttribute("clip-path") ?? "")?.[1] ?? "";
    const clip = [...node.querySelectorAll("clipPath")].find((c) => c.id === clipId)?.querySelector("rect") ?? null;
    const clipEnd = num(clip, "x") + num(clip, "width");
    expect(num(clip, "x")).toBeGreaterThan(6); // right of the status bar
    expect(clipEnd).toBeLessThan(checkX);
    const shown = (label?.textContent ?? "").trim();
    if (ellipsis === undefined) {
      expect(num(label, "x") + estimatedLabelWidth(shown)).toBeLessThanOrEqual(clipEnd);
    } else {
      expect(ellipsis.getAttribute("aria-hidden")).toBe("true");
      expect(num(ellipsis, "x") + estimatedLabelWidth("…")).toBeLessThan(checkX);
    }
    return { key: node.querySelector("title")?.textContent ?? "", shown, cut: ellipsis !== undefined };
  });
}

test("keys of 40 to 80 characters show whole words of the node's name, inside the node, and pass axe", async () => {
  fakeServer((url) => json(url.pathname.endsWith("/asset-graph") ? longKeyGraph() : { namespaces: [] }));
  renderLineage("/namespaces/default/asset-graph");
  await screen.findByRole("link", { name: `${ONE_WORD_KEY}, fresh, observable source` }, FIRST_DRAW);
  expect(await axeViolations()).toEqual([]);
  // the rule applied to every node and passed: not skipped, not left for a person to judge
  expect(await labelInNameResults()).toEqual({ passes: 8, incomplete: 0, violations: 0 });

  // by the label font's metrics (Helvetica Bold, 13 px; the browser measures its own font)
  expect(keyLines()).toEqual([
    // one word longer than the node: kept whole (clipped, with an ellipsis drawn after it)
    { key: ONE_WORD_KEY, shown: ONE_WORD_KEY, cut: true },
    {
      key: "raw/transactionsreconciledagainstledgerentriesfromallbranches",
      shown: "…/transactionsreconciledagainstledgerentriesfromallbranches",
      cut: true,
    },
    { key: "ingest/exchanges/binance/spot/raw_trades_with_fees_and_rebates_v2", shown: "…_and_rebates_v2", cut: false },
    { key: "warehouse/finance/daily_revenue_summary_by_region", shown: "…_summary_by_region", cut: false },
    { key: "warehouse/finance/reports/quarterly/revenue_by_product_line_and_region", shown: "…_line_and_region", cut: false },
    { key: "bronze/events/clickstream/sessionized/by_user_and_device_and_country_and_day", shown: "…_country_and_day", cut: false },
    { key: "trades/summary_by_day", shown: "…/summary_by_day", cut: false },
    { key: "chain/raw_blocks", shown: "chain/raw_blocks", cut: false },
  ]);
  // the title and the accessible name keep the whole key
  const link = screen.getByRole("link", { name: /^warehouse\/finance\/reports\/quarterly\/revenue_by_product_line_and_region, failed$/ });
  expect(link.querySelector("title")?.textContent).toBe("warehouse/finance/reports/quarterly/revenue_by_product_line_and_region");

  // a group whose name is longer than its node, collapsed
  await userEvent.click(screen.getByRole("checkbox", { name: "Collapse warehouse_finance_and_reporting (2)" }));
  await screen.findByRole("button", { name: /^warehouse_finance_and_reporting, 2 assets/ });
  expect(await axeViolations()).toEqual([]);
  expect(await labelInNameResults()).toEqual({ passes: 7, incomplete: 0, violations: 0 });
  expect(keyLines()).toContainEqual({ key: "warehouse_finance_and_reporting (2 assets)", shown: "…_finance_and_reporting", cut: false });
}, 60_000);
