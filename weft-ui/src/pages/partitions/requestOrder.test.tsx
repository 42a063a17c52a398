import { screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { fakeServer, json, stubLayout } from "../../testing/fakeServer";
import { stubCanvas } from "../../testing/canvasStub";
import { renderApp } from "../../testing/renderApp";
import { assetRoutes, detail } from "../assets/assetFixtures";
import { ASSET, barOf, partitionRoutes } from "./partitionFixtures";
import { startPartitionBar } from "./partitionsApi";

// The order of the asset page's requests: the partition status bar is what a user of a partitioned
// asset looks at first, so its request goes as soon as the asset's answer says it is partitioned,
// before the page renders and before any other section of the page asks for anything.

let canvas: ReturnType<typeof stubCanvas>;
let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
  canvas = stubCanvas();
});
afterEach(() => {
  vi.unstubAllGlobals();
  canvas.restore();
  restoreLayout();
});

const PAGE = "/namespaces/default/assets/trades/daily_metrics";
const NS = "/api/v1/namespaces/default";

/** A request's path below the namespace (the asset's own path is `asset`), with its bucket count for the bar. */
function label(r: Request): string {
  const url = new URL(r.url);
  const p = url.pathname;
  if (p === "/api/v1/namespaces") return "namespaces";
  if (p === ASSET) return "asset";
  if (p === `${ASSET}/partitions/bar`) return `bar ${url.searchParams.get("buckets") ?? ""}`;
  if (p.startsWith(`${ASSET}/`)) return p.slice(ASSET.length + 1);
  return p.startsWith(NS) ? p.slice(NS.length + 1) : p;
}

function drawnCanvas(): HTMLCanvasElement | null {
  return document.querySelector(".partition-bar canvas[data-drawn]");
}

test("the bar is asked for right after the asset answered, before the page's other sections ask for theirs", async () => {
  const server = fakeServer((url, request) => partitionRoutes(url, request) ?? assetRoutes(url, request) ?? json({}));
  renderApp(PAGE);
  await waitFor(() => expect(drawnCanvas()?.dataset.drawn).toBe("1000"));
  await screen.findByRole("table", { name: "Materializations" });
  await screen.findByRole("table", { name: "Partition ranges failed" });
  const order = server.requests.map(label).filter((l) => l !== "namespaces");
  // the asset alone first: the history waits for it too, since the page shows it below everything else
  expect(order[0]).toBe("asset");
  expect(order[1]).toBe("bar 1000");
  expect(order.slice(2)).toEqual(expect.arrayContaining(["partitions", "partitions/ranges", "history", "freshness", "automation"]));
  // one bar request: the bar found the answer to the early request in the cache
  expect(order.filter((l) => l.startsWith("bar"))).toEqual(["bar 1000"]);
});

test("the asset's refreshes do not ask for the bar again (the bar refreshes itself)", async () => {
  const server = fakeServer((url, request) => partitionRoutes(url, request) ?? assetRoutes(url, request) ?? json({}));
  renderApp(PAGE);
  await waitFor(() => expect(drawnCanvas()?.dataset.drawn).toBe("1000"));
  // the asset refreshes every 3 s, the bar every 5 s
  await waitFor(() => expect(server.to(ASSET).length).toBeGreaterThan(1), { timeout: 4500 });
  expect(server.to(`${ASSET}/partitions/bar`)).toHaveLength(1);
}, 15_000);

test("a bar narrower than the window draws the early answer first, then its own bucket count", async () => {
  // 600 CSS pixels for the bar, in jsdom's window of 1024: the early request asks for 1000 buckets
  restoreLayout();
  canvas.restore();
  restoreLayout = stubLayout(600);
  canvas = stubCanvas(600);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = fakeServer(async (url, request) => {
    if (url.pathname === `${ASSET}/partitions/bar` && url.searchParams.get("buckets") === "600") {
      await held;
      return json(barOf(600, 0, 9_999_999));
    }
    return partitionRoutes(url, request) ?? assetRoutes(url, request) ?? json({});
  });
  renderApp(PAGE);
  // drawn from the 1000 buckets of the early answer, 1000 buckets in 600 pixel columns
  await waitFor(() => expect(drawnCanvas()?.dataset.drawn).toBe("1000"));
  expect(drawnCanvas()?.width).toBe(600);
  expect(screen.getByText(/^10,000,000 partitions from 0 to 9999999 in 1,000 buckets/)).toBeTruthy();
  await waitFor(() => expect(server.to(`${ASSET}/partitions/bar`).map(label)).toEqual(["bar 1000", "bar 600"]));
  release();
  await waitFor(() => expect(drawnCanvas()?.dataset.drawn).toBe("600"));
  expect(screen.getByText(/^10,000,000 partitions from 0 to 9999999 in 600 buckets/)).toBeTruthy();
});

test("the early bar request is made once, and never for an unpartitioned asset", async () => {
  const server = fakeServer((url, request) => partitionRoutes(url, request) ?? json({}));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  startPartitionBar(client, "default", "trades/daily_metrics", detail.definition);
  expect(server.requests).toHaveLength(0);
  const partitioned = { ...(detail.definition as object), partitions: { type: "integer-range", start: 0, end: 10 } };
  startPartitionBar(client, "default", "trades/daily_metrics", partitioned);
  startPartitionBar(client, "default", "trades/daily_metrics", partitioned);
  await waitFor(() => expect(client.isFetching()).toBe(0));
  startPartitionBar(client, "default", "trades/daily_metrics", partitioned);
  expect(server.requests.map(label)).toEqual(["bar 1000"]);
});
