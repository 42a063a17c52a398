import type { BenchContext, BenchGroup } from "../support/context";
import { scrollThrough, seenAt } from "../support/probes";

/** Pixels scrolled per animation frame: a fast fling (the 20,000-row list in a few hundred frames). */
const SCROLL_STEP = 1500;

/** The run page of the seeded 20,000-event run. */
export function longRunPath(workflowId: string, runId: string): string {
  return `/namespaces/default/workflows/${encodeURIComponent(workflowId)}?runId=${encodeURIComponent(runId)}`;
}

/**
 * The run page of the seeded 20,000-event history: how soon it shows events, and the longest frame
 * while scrolling the events list and the timeline from top to bottom once the history is loaded.
 */
export const historyGroup: BenchGroup = {
  name: "longHistory",
  metrics: [
    {
      key: "openMs",
      definition:
        "navigation start to the first events rendered: the page clicks the Events tab itself the" +
        " moment it appears, and the first event row is in the page",
      targetMs: 1000,
    },
    {
      key: "timelineOpenMs",
      definition: "navigation start to the first timeline row rendered (the page's default tab; a page of its own)",
      targetMs: 1000,
    },
    {
      key: "loadedMs",
      definition: "navigation start to the whole history loaded (the loading progress gone; context)",
    },
    {
      key: "eventsScrollLongestFrameMs",
      definition: `longest gap between animation frames while the Events list is scrolled top to bottom, ${SCROLL_STEP} px a frame`,
      targetMs: 100,
    },
    {
      key: "timelineScrollLongestFrameMs",
      definition: `longest gap between animation frames while the Timeline is scrolled top to bottom, ${SCROLL_STEP} px a frame`,
      targetMs: 100,
    },
  ],
  async round(ctx) {
    const path = longRunPath(ctx.seed.workflowId, ctx.seed.runId);
    const timelineOpen = await openAndSee(ctx, path, "timelineRow", []);
    const { page, close } = await ctx.newPage({ click: [EVENTS_TAB] });
    try {
      await page.goto(path, { waitUntil: "commit" });
      const open = await seenAt(page, "eventRow");
      await page.getByRole("status").filter({ hasText: "Loading history" }).waitFor({ state: "detached", timeout: 120_000 });
      const loaded = await page.evaluate(() => performance.now());
      const events = await scrollThrough(page, '[data-testid="events-scroll"]', SCROLL_STEP);
      if (!events.reachedEnd) throw new Error("the Events list did not reach its end");
      await page.getByRole("tab", { name: "Timeline" }).click();
      await page.locator(".timeline-row").first().waitFor();
      const timeline = await scrollThrough(page, '[data-testid="timeline-scroll"]', SCROLL_STEP);
      if (!timeline.reachedEnd) throw new Error("the Timeline did not reach its end");
      return {
        openMs: [open],
        timelineOpenMs: [timelineOpen],
        loadedMs: [loaded],
        eventsScrollLongestFrameMs: [events.longestFrameMs],
        timelineScrollLongestFrameMs: [timeline.longestFrameMs],
      };
    } finally {
      await close();
    }
  },
};

/** The Events tab of the run page (the page clicks it itself the moment it appears). */
const EVENTS_TAB = "#tab-events";

/** Opens `path` in a fresh page and returns when the probe `name` was first seen. */
async function openAndSee(ctx: BenchContext, path: string, name: string, click: string[]): Promise<number> {
  const { page, close } = await ctx.newPage({ click });
  try {
    await page.goto(path, { waitUntil: "commit" });
    return await seenAt(page, name);
  } finally {
    await close();
  }
}
