import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axeViolations } from "../../testing/axe";
import { fakeServer, json, stubLayout } from "../../testing/fakeServer";
import { gridLayouter, renderLineage } from "./renderLineage";
import { exampleGraph, layeredGraph } from "./testGraphs";

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
