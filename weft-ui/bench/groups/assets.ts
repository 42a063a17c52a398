import type { Page } from "playwright-core";
import type { BenchGroup } from "../support/context";
import { seenAt } from "../support/probes";

/** The seeded graph (bench/seed UiBenchAssets: 1,000 assets in 10 layers, like `weft bench assets`). */
const ASSETS = 1000;
const GRAPH_PATH = "/namespaces/default/asset-graph";
const CATALOG_PATH = "/namespaces/default/assets";
/** Frames of dragging, then of wheel zooming, while the frames are timed. */
const PAN_FRAMES = 120;
const ZOOM_FRAMES = 40;

declare global {
  interface Window {
    /** Every animation frame's time (performance.now()), from the first script on. */
    __weftFrames: number[];
  }
}

/** Notes the time of every animation frame, from before the UI's scripts run. */
async function recordFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__weftFrames = [];
    const tick = (now: number) => {
      window.__weftFrames.push(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** The longest gap between two frames of the page from `from` to `to` (ms since navigation). */
async function longestFrame(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ({ from, to }) => {
      const frames = window.__weftFrames;
      let longest = 0;
      for (let i = 1; i < frames.length; i++) {
        const a = frames[i - 1] as number;
        const b = frames[i] as number;
        if (b >= from && a <= to) longest = Math.max(longest, b - a);
      }
      return longest;
    },
    { from, to },
  );
}

/**
 * Drags the graph for PAN_FRAMES frames (a pointer event per frame), then zooms out and back in
 * with the wheel for ZOOM_FRAMES frames each; returns the longest gap between two frames meanwhile.
 */
async function panAndZoom(page: Page): Promise<number> {
  return page.evaluate(
    ({ panFrames, zoomFrames }) =>
      new Promise<number>((resolve) => {
        const el = document.querySelector(".lineage-canvas");
        if (!(el instanceof HTMLElement)) throw new Error("the lineage graph is not drawn");
        const r = el.getBoundingClientRect();
        let x = r.left + r.width / 2;
        let y = r.top + r.height / 2;
        const pointer = (type: string) =>
          el.dispatchEvent(
            new PointerEvent(type, { bubbles: true, clientX: x, clientY: y, pointerId: 7, button: 0, isPrimary: true }),
          );
        let frame = 0;
        let last = 0;
        let longest = 0;
        const step = (now: number) => {
          if (last > 0) longest = Math.max(longest, now - last);
          last = now;
          if (frame === 0) pointer("pointerdown");
          if (frame < panFrames) {
            x -= 12;
            y -= 20;
            pointer("pointermove");
          } else if (frame === panFrames) {
            pointer("pointerup");
          } else if (frame <= panFrames + 2 * zoomFrames) {
            const out = frame <= panFrames + zoomFrames;
            el.dispatchEvent(
              new WheelEvent("wheel", { bubbles: true, cancelable: true, deltaY: out ? 60 : -60, clientX: x, clientY: y }),
            );
          } else {
            resolve(longest);
            return;
          }
          frame++;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { panFrames: PAN_FRAMES, zoomFrames: ZOOM_FRAMES },
  );
}

/**
 * The lineage graph of the 1,000-asset graph, opened cold: the page asks before drawing more than
 * 300 assets and the page itself clicks "Draw all" the moment it asks; ELK lays the graph out in a
 * Web Worker while the frames of the main thread are timed; then the graph is dragged and zoomed.
 */
export const assetGraphGroup: BenchGroup = {
  name: "assetGraph",
  metrics: [
    {
      key: "layoutMs",
      definition:
        "navigation start to the 1,000-asset graph laid out and drawn (.lineage-canvas[data-layout=done]):" +
        " the graph fetched, the size prompt answered 'Draw all' by the page itself, ELK's layered layout" +
        " in the Web Worker, the nodes on screen rendered",
      targetMs: 2000,
    },
    {
      key: "workerLayoutMs",
      definition: "ELK's layout alone, timed in the worker (context for layoutMs)",
    },
    {
      key: "longestFrameDuringLayoutMs",
      definition:
        "the longest gap between two animation frames of the main thread from the size prompt shown" +
        " (the layout requested) to the graph drawn: the layout runs in the worker, the page keeps drawing",
      targetMs: 100,
    },
    {
      key: "longestFramePanZoomMs",
      definition:
        `the longest gap between two animation frames while the drawn graph is dragged for ${PAN_FRAMES}` +
        ` frames (a pointermove per frame), then zoomed out and in by the wheel for ${ZOOM_FRAMES} frames each`,
      targetMs: 100,
    },
  ],
  async round(ctx) {
    const { page, close } = await ctx.newPage({ click: ['button[data-draw="all"]'] });
    try {
      await recordFrames(page);
      await page.goto(GRAPH_PATH, { waitUntil: "commit" });
      const prompt = await seenAt(page, "graphPrompt");
      const drawn = await seenAt(page, "graphDrawn");
      const canvas = page.locator(".lineage-canvas");
      const nodes = Number(await canvas.getAttribute("data-nodes"));
      if (nodes !== ASSETS) {
        throw new Error(`the graph page drew ${nodes} nodes, not the seeded ${ASSETS} (a store seeded before the assets? use a fresh --store-dir)`);
      }
      const workerMs = Number(await canvas.getAttribute("data-layout-ms"));
      // two frames after the drawing, so that the frame that painted it is counted
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const duringLayout = await longestFrame(page, prompt, drawn + 50);
      const panZoom = await panAndZoom(page);
      return {
        layoutMs: [drawn],
        workerLayoutMs: [workerMs],
        longestFrameDuringLayoutMs: [duringLayout],
        longestFramePanZoomMs: [panZoom],
      };
    } finally {
      await close();
    }
  },
};

/**
 * The asset catalog (`/namespaces/:ns/assets`, rows `.asset-row`) with the 1,000 seeded assets,
 * opened cold: interactive once an asset row is rendered and its filter takes a keystroke, like the
 * workflows list.
 */
export const assetCatalogGroup: BenchGroup = {
  name: "assetCatalog",
  metrics: [
    {
      key: "interactiveMs",
      definition:
        "navigation start to interactive: the first .asset-row rendered, then a keystroke into the" +
        " catalog's search input, sent by the page itself the moment that row is seen, handled (the" +
        " input shows it) and the frame after it run",
      targetMs: 1000,
    },
    { key: "firstRowsMs", definition: "navigation start to the first .asset-row (context for interactiveMs)" },
  ],
  async round(ctx) {
    const { page, close } = await ctx.newPage({
      type: { input: 'input[type="search"]', typeWhen: ".asset-row", text: "l" },
    });
    try {
      await page.goto(CATALOG_PATH, { waitUntil: "commit" });
      const firstRow = await seenAt(page, "assetRow", 30_000).catch(() => {
        throw new Error(`no .asset-row on ${CATALOG_PATH} in 30 s: is the catalog page in this build?`);
      });
      const painted = await page.waitForFunction(() => window.__weftBench.inputPaintedAt, undefined, {
        polling: 50,
        timeout: 60_000,
      });
      const interactive = (await painted.jsonValue()) as number;
      const value = await page.locator('input[type="search"]').first().inputValue();
      if (value !== "l") throw new Error(`the catalog's search input shows '${value}' after typing 'l'`);
      return { interactiveMs: [interactive], firstRowsMs: [firstRow] };
    } finally {
      await close();
    }
  },
};
