import { render } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, useLocation } from "react-router";
import { AppRoutes } from "../../app/AppRoutes";
import type { Box, Layouter, LayoutInput, LayoutResult } from "./layout";
import { LayouterContext } from "./LayouterContext";
import { sameThreadLayouter } from "./sameThreadLayouter";

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** A layouter that counts its layouts (and keeps their inputs), around another one. */
export function countingLayouter(inner: () => Layouter = sameThreadLayouter) {
  const inputs: LayoutInput[] = [];
  const make = (): Layouter => {
    const l = inner();
    return {
      layout(input) {
        inputs.push(input);
        return l.layout(input);
      },
      dispose: () => l.dispose(),
    };
  };
  return { make, inputs };
}

/** Nodes in columns of 100, in input order; edges as straight lines. */
function grid(input: LayoutInput): LayoutResult {
  const boxes: Record<string, Box> = {};
  input.nodes.forEach((n, i) => {
    boxes[n.id] = { x: Math.floor(i / 100) * 300, y: (i % 100) * 70, width: n.width, height: n.height };
  });
  const edges = input.edges.map((e) => {
    const a = boxes[e.from] as Box;
    const b = boxes[e.to] as Box;
    return { id: e.id, points: [[a.x + a.width, a.y + a.height / 2], [b.x, b.y + b.height / 2]] as [number, number][] };
  });
  const width = Math.max(0, ...Object.values(boxes).map((b) => b.x + b.width));
  const height = Math.max(0, ...Object.values(boxes).map((b) => b.y + b.height));
  return { boxes, edges, width, height, ms: 0 };
}

/** A layouter that puts the nodes on a grid at once: for big graphs in tests, where ELK is slow. */
export function gridLayouter(): Layouter {
  return { layout: async (input) => grid(input), dispose() {} };
}

/**
 * Renders the whole app at `path` like renderApp, with the lineage page's layout on the test's
 * thread (jsdom has no Web Worker) through `layouter`.
 */
export function renderLineage(path: string, layouter: () => Layouter = sameThreadLayouter) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <LayouterContext.Provider value={layouter}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <LocationProbe />
        </MemoryRouter>
      </LayouterContext.Provider>
    </QueryClientProvider>,
  );
}
