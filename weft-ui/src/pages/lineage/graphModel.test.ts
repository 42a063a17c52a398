import {
  assetPath,
  buildView,
  findAsset,
  groupsOf,
  needsDrawChoice,
  selectionFor,
  SIZE_LIMIT,
} from "./graphModel";
import { exampleGraph, layeredGraph } from "./testGraphs";

describe("buildView", () => {
  it("draws every asset and edge when no group is collapsed", () => {
    const view = buildView(exampleGraph(), new Set());
    expect(view.nodes).toHaveLength(8);
    expect(view.nodes.every((n) => n.kind === "asset")).toBe(true);
    expect(view.edges.map((e) => e.id)).toContain("a:chain/raw_blocks>a:chain/decoded_blocks");
    expect(view.edges).toHaveLength(8);
    const raw = view.nodes.find((n) => n.id === "a:chain/raw_blocks");
    expect(raw).toMatchObject({ kind: "asset", observable: true, status: "FRESH", group: "chain" });
  });

  it("draws a collapsed group as one node with its status counts", () => {
    const view = buildView(exampleGraph(), new Set(["chain"]));
    expect(view.nodes).toHaveLength(5);
    const chain = view.nodes.find((n) => n.id === "g:chain");
    expect(chain).toEqual({
      kind: "group",
      id: "g:chain",
      group: "chain",
      size: 4,
      counts: { FRESH: 2, STALE: 1, MISSING: 1, FAILED: 0 },
    });
  });

  it("re-routes edges to a collapsed group, drops those inside it and draws merged ones once", () => {
    const view = buildView(exampleGraph(), new Set(["chain"]));
    // the chain's inner edges are gone; its two edges into trades/daily_metrics become one
    expect(view.edges.map((e) => e.id).sort()).toEqual([
      "a:trades/processed_trades>a:trades/daily_metrics",
      "a:trades/raw_prices>a:trades/daily_metrics",
      "a:trades/raw_trades>a:trades/processed_trades",
      "g:chain>a:trades/daily_metrics",
    ]);
  });

  it("connects two collapsed groups by one edge", () => {
    const view = buildView(exampleGraph(), new Set(["chain", "trades"]));
    expect(view.nodes.map((n) => n.id)).toEqual(["g:chain", "g:trades"]);
    expect(view.edges).toEqual([{ id: "g:chain>g:trades", from: "g:chain", to: "g:trades" }]);
  });

  it("keeps the shape when only statuses change, and changes it when a group collapses", () => {
    const before = exampleGraph();
    const after = exampleGraph();
    after.nodes = after.nodes.map((n) => ({ ...n, status: "FAILED" as const }));
    expect(buildView(after, new Set()).shape).toBe(buildView(before, new Set()).shape);
    expect(buildView(before, new Set(["trades"])).shape).not.toBe(buildView(before, new Set()).shape);
  });

  it("collapses the 1,000-asset graph to its ten groups in a chain", () => {
    const graph = layeredGraph(1000, 10);
    const groups = groupsOf(graph);
    expect(groups).toHaveLength(10);
    expect(groups[0]).toEqual({ group: "l0", size: 100 });
    const view = buildView(graph, new Set(groups.map((g) => g.group)));
    expect(view.nodes).toHaveLength(10);
    expect(view.edges.map((e) => e.id)).toEqual(
      Array.from({ length: 9 }, (_, i) => `g:l${i}>g:l${i + 1}`),
    );
  });
});

describe("the size limit", () => {
  it("asks past the limit only", () => {
    expect(needsDrawChoice(layeredGraph(SIZE_LIMIT, 10))).toBe(false);
    expect(needsDrawChoice(layeredGraph(SIZE_LIMIT + 1, 10))).toBe(true);
    expect(needsDrawChoice(exampleGraph())).toBe(false);
  });
});

describe("selectionFor", () => {
  it("names assets by key and collapsed groups as group:NAME, sorted", () => {
    expect(selectionFor(["a:trades/raw_trades", "g:chain", "a:chain/daily_volume"])).toBe(
      "chain/daily_volume, group:chain, trades/raw_trades",
    );
  });

  it("is empty for no nodes and refuses what is not a node", () => {
    expect(selectionFor([])).toBe("");
    expect(() => selectionFor(["chain/raw_blocks"])).toThrow("not a node of the lineage graph: 'chain/raw_blocks'");
  });
});

describe("findAsset", () => {
  it("prefers the exact key, then the first key containing the text, ignoring case", () => {
    const graph = exampleGraph();
    expect(findAsset(graph, "TRADES/RAW_PRICES")?.assetKey).toBe("trades/raw_prices");
    expect(findAsset(graph, "daily")?.assetKey).toBe("chain/daily_volume");
    expect(findAsset(graph, "nothing")).toBeNull();
    expect(findAsset(graph, "  ")).toBeNull();
  });
});

describe("assetPath", () => {
  it("keeps the key's slashes as path separators", () => {
    expect(assetPath("default", "chain/raw_blocks")).toBe("/namespaces/default/assets/chain/raw_blocks");
    expect(assetPath("a b", "x")).toBe("/namespaces/a%20b/assets/x");
  });
});
