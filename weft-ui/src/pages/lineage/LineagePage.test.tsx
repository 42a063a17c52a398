import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem, stubLayout } from "../../testing/fakeServer";
import type { AssetGraph } from "./graphModel";
import { countingLayouter, gridLayouter, renderLineage } from "./renderLineage";
import { exampleGraph, layeredGraph } from "./testGraphs";
import { assetRoutes } from "../assets/assetFixtures";
import { DRAW_CHUNK } from "./GraphCanvas";

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

const GRAPH = "/api/v1/namespaces/default/asset-graph";
const MATERIALIZE = "/api/v1/namespaces/default/asset-materializations";

function server(initial: AssetGraph = exampleGraph()) {
  let graph = initial;
  let runStatus = "RUNNING";
  const s = fakeServer((url, request) => {
    const p = url.pathname;
    if (p === "/api/v1/namespaces") return json({ namespaces: [] });
    if (p === GRAPH) return json(graph);
    if (p === MATERIALIZE && request.method === "POST") {
      return json(
        {
          workflowId: "__weft_materialize:42",
          runId: "run-42",
          selection: "chain/daily_volume, trades/raw_prices",
          assetKeys: ["trades/raw_prices", "chain/daily_volume"],
        },
        202,
      );
    }
    if (decodeURIComponent(p) === "/api/v1/namespaces/default/workflows/__weft_materialize:42") {
      return json({ workflowId: "__weft_materialize:42", runId: "run-42", status: runStatus });
    }
    // the asset page a node opens
    const asset = assetRoutes(url, request);
    if (asset !== null) return asset;
    if (p.startsWith("/api/v1/namespaces/default/assets/")) {
      return problem(404, "asset-not-found", "Asset not found", "the fake server knows one asset's page");
    }
    return json({});
  });
  return {
    s,
    setGraph: (g: AssetGraph) => (graph = g),
    finishRun: () => (runStatus = "COMPLETED"),
  };
}

function canvas(): HTMLElement {
  return screen.getByRole("group", { name: /^Lineage graph/ });
}

test("draws the example graphs with status cues, and a node opens its asset page", async () => {
  server();
  renderLineage("/namespaces/default/asset-graph");
  const raw = await screen.findByRole("link", { name: "chain/raw_blocks, fresh, observable source" }, FIRST_DRAW);
  expect(screen.getByRole("link", { name: "chain/daily_volume, missing" })).toBeTruthy();
  expect(screen.getByRole("link", { name: "trades/processed_trades, failed" })).toBeTruthy();
  // the status is in the node's text too, not only its colour
  expect(raw.textContent).toContain("✓ fresh");
  expect(raw.closest(".lineage-node")?.getAttribute("class")).toContain("status-fresh");
  expect(canvas().getAttribute("data-nodes")).toBe("8");
  expect(screen.getByRole("link", { name: "Lineage" }).getAttribute("aria-current")).toBe("page");

  await userEvent.click(screen.getByRole("link", { name: "trades/daily_metrics, stale" }));
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/assets/trades/daily_metrics");
}, 60_000);

test("Enter on a focused node opens its asset page", async () => {
  server();
  renderLineage("/namespaces/default/asset-graph");
  const node = await screen.findByRole("link", { name: "chain/decoded_blocks, fresh" }, FIRST_DRAW);
  node.focus();
  await userEvent.keyboard("{Enter}");
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/assets/chain/decoded_blocks");
}, 60_000);

test("a group collapses into one node with its counts and expands again", async () => {
  server();
  const layouts = countingLayouter();
  renderLineage("/namespaces/default/asset-graph", layouts.make);
  await screen.findByRole("link", { name: "chain/raw_blocks, fresh, observable source" }, FIRST_DRAW);
  await userEvent.click(screen.getByRole("checkbox", { name: "Collapse chain (4)" }));
  const group = await screen.findByRole("button", {
    name: "chain, 4 assets, 2 fresh, 1 stale, 1 missing, collapsed group: Enter expands it",
  });
  expect(screen.queryByRole("link", { name: /^chain\// })).toBeNull();
  expect(group.textContent).toContain("4 assets");
  expect(group.textContent).toContain("2 fresh, 1 stale, 1 missing");
  // re-routed: the chain's two edges into trades/daily_metrics are one edge from the group
  const last = layouts.inputs.at(-1);
  expect(last?.nodes).toHaveLength(5);
  expect(last?.edges.map((e) => e.id)).toContain("g:chain>a:trades/daily_metrics");

  await userEvent.click(group);
  await screen.findByRole("link", { name: "chain/raw_blocks, fresh, observable source" }, FIRST_DRAW);
  expect((screen.getByRole("checkbox", { name: "Collapse chain (4)" }) as HTMLInputElement).checked).toBe(false);
  expect(layouts.inputs).toHaveLength(3);
}, 60_000);

test("statuses refresh live without a new layout", async () => {
  const { setGraph } = server();
  const layouts = countingLayouter();
  renderLineage("/namespaces/default/asset-graph", layouts.make);
  await screen.findByRole("link", { name: "trades/raw_trades, fresh" }, FIRST_DRAW);
  const changed = exampleGraph();
  changed.nodes = changed.nodes.map((n) => (n.assetKey === "trades/raw_trades" ? { ...n, status: "FAILED" } : n));
  setGraph(changed);
  await screen.findByRole("link", { name: "trades/raw_trades, failed" }, { timeout: 8000 });
  expect(layouts.inputs).toHaveLength(1);
}, 60_000);

test("past the size limit it asks, and draws the groups collapsed when asked to", async () => {
  server(layeredGraph(1000, 10));
  const layouts = countingLayouter(gridLayouter);
  renderLineage("/namespaces/default/asset-graph", layouts.make);
  await screen.findByRole("heading", { name: "This graph has 1,000 assets" });
  expect(layouts.inputs).toHaveLength(0);
  expect(screen.queryByRole("group", { name: /^Lineage graph/ })).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: "Draw the 10 groups collapsed" }));
  await screen.findByRole("button", { name: "l0, 100 assets, 100 fresh, collapsed group: Enter expands it" });
  expect(layouts.inputs[0]?.nodes).toHaveLength(10);
  expect(screen.getAllByRole("button", { name: /^l\d, 100 assets, .*collapsed group/ })).toHaveLength(10);
}, 60_000);

test("drawing all 1,000 assets keeps only the visible nodes in the DOM, and panning brings others", async () => {
  server(layeredGraph(1000, 10));
  renderLineage("/namespaces/default/asset-graph", gridLayouter);
  await userEvent.click(await screen.findByRole("button", { name: "Draw all 1,000 assets" }));
  await screen.findByRole("link", { name: "l00/a0000, fresh" }, FIRST_DRAW);
  const drawn = Number(canvas().getAttribute("data-drawn"));
  expect(canvas().getAttribute("data-nodes")).toBe("1000");
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(500);
  expect(screen.queryByRole("link", { name: "l00/a0099, fresh" })).toBeNull();
  // the arrow keys pan: far enough down, the bottom of the first column is drawn
  canvas().focus();
  for (let i = 0; i < 30; i++) fireEvent.keyDown(canvas(), { key: "ArrowDown" });
  await screen.findByRole("link", { name: "l00/a0099, fresh" }, FIRST_DRAW);
  expect(screen.queryByRole("link", { name: "l00/a0000, fresh" })).toBeNull();
}, 60_000);

test("a view of more nodes than DRAW_CHUNK is drawn over several frames, then says it is done", async () => {
  server(layeredGraph(1000, 10));
  renderLineage("/namespaces/default/asset-graph", gridLayouter);
  await userEvent.click(await screen.findByRole("button", { name: "Draw all 1,000 assets" }));
  await screen.findByRole("link", { name: "l00/a0000, fresh" }, FIRST_DRAW);
  // 0 fits the whole graph: every node is on screen, more than one frame's chunk
  canvas().focus();
  fireEvent.keyDown(canvas(), { key: "0" });
  expect(Number(canvas().getAttribute("data-drawn"))).toBe(1000);
  const nodes = () => canvas().querySelectorAll("[data-node-id]").length;
  expect(nodes()).toBeLessThan(1000);
  expect(canvas().getAttribute("data-layout")).toBe("drawing");
  await waitFor(() => expect(canvas().getAttribute("data-layout")).toBe("done"), FIRST_DRAW);
  expect(nodes()).toBe(1000);
  expect(DRAW_CHUNK).toBeLessThan(1000);
}, 60_000);

test("zooms with the buttons, the keyboard and the wheel", async () => {
  server();
  renderLineage("/namespaces/default/asset-graph");
  await screen.findByRole("link", { name: "chain/decoded_blocks, fresh" }, FIRST_DRAW);
  const zoom = screen.getByRole("toolbar", { name: "Zoom" });
  const percent = () => Number(within(zoom).getByText(/%$/).textContent?.replace("%", ""));
  const first = percent();
  await userEvent.click(screen.getByRole("button", { name: "Zoom out" }));
  expect(percent()).toBeLessThan(first);
  fireEvent.keyDown(canvas(), { key: "+" });
  fireEvent.keyDown(canvas(), { key: "+" });
  expect(percent()).toBeGreaterThan(first);
  const before = percent();
  fireEvent.wheel(canvas(), { deltaY: 200, clientX: 100, clientY: 100 });
  expect(percent()).toBeLessThan(before);
}, 60_000);

test("the search centres and focuses an asset, expanding its group", async () => {
  server();
  renderLineage("/namespaces/default/asset-graph");
  await screen.findByRole("link", { name: "chain/decoded_blocks, fresh" }, FIRST_DRAW);
  await userEvent.click(screen.getByRole("checkbox", { name: "Collapse trades (4)" }));
  await screen.findByRole("button", { name: /^trades, 4 assets/ });
  await userEvent.type(screen.getByLabelText("Find an asset"), "daily_met{Enter}");
  const node = await screen.findByRole("link", { name: "trades/daily_metrics, stale" }, FIRST_DRAW);
  await waitFor(() => expect(document.activeElement).toBe(node));
  expect(node.closest(".lineage-node")?.getAttribute("class")).toContain("found");

  await userEvent.clear(screen.getByLabelText("Find an asset"));
  await userEvent.type(screen.getByLabelText("Find an asset"), "nope{Enter}");
  expect(screen.getByText("No asset key contains “nope”.")).toBeTruthy();
}, 60_000);

test("ticked nodes are materialized as one selection after a confirmation, the button waits for the run", async () => {
  const { s, finishRun } = server();
  renderLineage("/namespaces/default/asset-graph");
  await screen.findByRole("link", { name: "chain/decoded_blocks, fresh" }, FIRST_DRAW);
  expect((screen.getByRole("button", { name: "Materialize 0 selected" }) as HTMLButtonElement).disabled).toBe(true);
  await userEvent.click(screen.getByRole("checkbox", { name: "Select chain/daily_volume" }));
  const prices = screen.getByRole("checkbox", { name: "Select trades/raw_prices" });
  prices.focus();
  await userEvent.keyboard(" ");
  expect(prices.getAttribute("aria-checked")).toBe("true");
  expect(screen.getByText("chain/daily_volume, trades/raw_prices").tagName).toBe("CODE");

  await userEvent.click(screen.getByRole("button", { name: "Materialize 2 selected" }));
  const dialog = screen.getByRole("dialog", { name: "Materialize the selection?" });
  await userEvent.click(within(dialog).getByRole("button", { name: "Materialize" }));
  const link = await screen.findByRole("link", { name: "__weft_materialize:42" }, FIRST_DRAW);
  expect(link.getAttribute("href")).toBe("/namespaces/default/workflows/__weft_materialize%3A42?runId=run-42");
  const posts = s.to(MATERIALIZE);
  expect(posts).toHaveLength(1);
  expect(await posts[0]!.json()).toEqual({ selection: "chain/daily_volume, trades/raw_prices" });
  await waitFor(() => expect(screen.getByText(/Materialization of 2 assets/).textContent).toContain(": running"));
  expect((screen.getByRole("button", { name: "Materializing…" }) as HTMLButtonElement).disabled).toBe(true);

  finishRun();
  await screen.findByRole("button", { name: "Materialize 2 selected" }, { timeout: 5000 });
  expect(screen.getByText(/Materialization of 2 assets/).textContent).toContain(": completed");
}, 60_000);

test("a refused materialization shows the server's problem in the dialog", async () => {
  fakeServer((url, request) => {
    if (url.pathname === GRAPH) return json(exampleGraph());
    if (url.pathname === MATERIALIZE && request.method === "POST") {
      return problem(400, "unknown-asset", "Unknown asset", "the graph has no asset 'chain/raw_blocks'");
    }
    return json({ namespaces: [] });
  });
  renderLineage("/namespaces/default/asset-graph");
  await userEvent.click(await screen.findByRole("checkbox", { name: "Select chain/raw_blocks" }));
  await userEvent.click(screen.getByRole("button", { name: "Materialize 1 selected" }));
  await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Materialize" }));
  const alert = await within(screen.getByRole("dialog")).findByRole("alert");
  expect(alert.textContent).toContain("Unknown asset");
  expect(alert.textContent).toContain("the graph has no asset 'chain/raw_blocks'");
}, 60_000);

test("a graph the server refuses shows its problem; an empty one says so", async () => {
  fakeServer((url) => {
    if (url.pathname === GRAPH) return problem(404, "namespace-not-found", "Namespace not found", "no namespace 'x'");
    return json({ namespaces: [] });
  });
  const { unmount } = renderLineage("/namespaces/default/asset-graph");
  expect((await screen.findByRole("alert")).textContent).toContain("no namespace 'x'");
  unmount();
  vi.unstubAllGlobals();
  fakeServer((url) => json(url.pathname === GRAPH ? { nodes: [], edges: [] } : { namespaces: [] }));
  renderLineage("/namespaces/default/asset-graph");
  expect((await screen.findByText(/This namespace has no assets/)).getAttribute("role")).toBe("status");
}, 60_000);
