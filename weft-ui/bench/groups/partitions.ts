import type { BenchGroup } from "../support/context";
import { seenAt } from "../support/probes";

/** The seeded partitioned asset (bench/seed UiBenchPartitions): 10,000,000 integer-range partitions. */
const PARTITIONS = 10_000_000;

/** The asset page of the seeded partitioned asset. */
function assetPage(namespace: string, key: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}/assets/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * The partitions section of the 10,000,000-partition asset, opened cold: the time until its status
 * bar's canvas is drawn from the server's bucketed summary (`.partition-bar canvas[data-drawn]`),
 * the part of it from the bar's request to the drawing, and a zoom into one bucket by the keyboard
 * (Enter) until the zoomed bar is drawn.
 */
export const partitionsGroup: BenchGroup = {
  name: "partitionBar",
  metrics: [
    {
      key: "barDrawnMs",
      definition:
        "navigation start to the status bar of the 10,000,000-partition asset drawn on its canvas" +
        " (.partition-bar canvas[data-drawn]): the UI's files, the asset, its partitions summary and" +
        " the bar's buckets (one per device pixel, at most 1000) fetched, the columns laid out and painted",
      targetMs: 500,
    },
    {
      key: "barRequestToDrawnMs",
      definition:
        "from the start of the /partitions/bar request (resource timing) to the canvas drawn: the" +
        " server's bucketed summary over 10,000,000 partitions plus the layout and painting (context for barDrawnMs)",
    },
    {
      key: "scriptLoadedMs",
      definition: "navigation start to the UI's first script file received (resource timing; context for barDrawnMs)",
    },
    {
      key: "domContentLoadedMs",
      definition: "navigation start to DOMContentLoaded ended (the module script ran; context for barDrawnMs)",
    },
    {
      key: "assetRequestStartMs",
      definition: "navigation start to the asset's request sent (context for barDrawnMs)",
    },
    {
      key: "assetAnsweredMs",
      definition: "navigation start to the asset's answer received (context for barDrawnMs)",
    },
    {
      key: "barRequestStartMs",
      definition: "navigation start to the /partitions/bar request sent (context for barDrawnMs)",
    },
    {
      key: "barAnsweredMs",
      definition: "navigation start to the /partitions/bar answer received (context for barDrawnMs)",
    },
    {
      key: "zoomMs",
      definition:
        "from Enter on the first highlighted bucket (10,000 partitions) to the zoomed bar drawn" +
        " (the canvas's data-from/data-to changed): a new /partitions/bar request over the bucket's range and its drawing",
      targetMs: 500,
    },
  ],
  async round(ctx) {
    const namespace = ctx.seed.partitionsNamespace;
    const key = ctx.seed.partitionedAsset;
    if (namespace === undefined || key === undefined) {
      throw new Error("the store was seeded before the partitioned asset: use a fresh --store-dir");
    }
    const { page, close } = await ctx.newPage();
    try {
      await page.goto(assetPage(namespace, key), { waitUntil: "commit" });
      const drawn = await seenAt(page, "partitionBar", 30_000).catch(() => {
        throw new Error(`no drawn .partition-bar canvas on ${assetPage(namespace, key)} in 30 s: is the partitions section in this build?`);
      });
      const summary = await page.locator(".partition-bar-summary").textContent();
      if (!(summary ?? "").startsWith(`${PARTITIONS.toLocaleString("en-US")} partitions`)) {
        throw new Error(`the bar shows '${summary ?? ""}', not the seeded ${PARTITIONS} partitions`);
      }
      const timings = await page.evaluate(() => {
        const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const find = (test: (name: string) => boolean) => entries.find((e) => test(new URL(e.name).pathname));
        const bar = find((p) => p.includes("/partitions/bar"));
        const script = find((p) => p.endsWith(".js"));
        const asset = find((p) => /^\/api\/v1\/namespaces\/[^/]+\/assets\/[^/]+$/.test(p));
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        return {
          barStart: bar?.startTime ?? null,
          barEnd: bar?.responseEnd ?? null,
          scriptEnd: script?.responseEnd ?? null,
          assetStart: asset?.startTime ?? null,
          assetEnd: asset?.responseEnd ?? null,
          domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        };
      });
      const requestStart = timings.barStart;
      if (requestStart === null) throw new Error("no /partitions/bar request in the page's resource timing");
      const zoom = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const frame = document.querySelector(".partition-bar-frame");
            const canvas = frame?.querySelector("canvas");
            if (!(frame instanceof HTMLElement) || !(canvas instanceof HTMLCanvasElement)) {
              reject(new Error("the status bar is not on the page"));
              return;
            }
            const range = () => `${canvas.dataset.from ?? ""}..${canvas.dataset.to ?? ""}`;
            const before = range();
            frame.focus();
            frame.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
            requestAnimationFrame(() => {
              const started = performance.now();
              const timeout = setTimeout(() => {
                observer.disconnect();
                reject(new Error(`the bar did not zoom from ${before} in 30 s`));
              }, 30_000);
              const observer = new MutationObserver(() => {
                if (range() !== before) {
                  observer.disconnect();
                  clearTimeout(timeout);
                  resolve(performance.now() - started);
                }
              });
              observer.observe(canvas, { attributes: true });
              frame.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
            });
          }),
      );
      const known = (v: number | null): number[] => (v === null ? [] : [v]);
      return {
        barDrawnMs: [drawn],
        barRequestToDrawnMs: [drawn - requestStart],
        zoomMs: [zoom],
        scriptLoadedMs: known(timings.scriptEnd),
        domContentLoadedMs: known(timings.domContentLoaded),
        assetRequestStartMs: known(timings.assetStart),
        assetAnsweredMs: known(timings.assetEnd),
        barRequestStartMs: [requestStart],
        barAnsweredMs: known(timings.barEnd),
      };
    } finally {
      await close();
    }
  },
};
