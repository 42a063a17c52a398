import type { BenchGroup } from "../support/context";
import { longRunPath } from "./history";

/** Signals sent per round. */
const SAMPLES = 5;

/** How long a signal's event may take to show before the round fails. */
const UPDATE_TIMEOUT_MS = 30_000;

/** The events count of the Events tab, e.g. "20,143 events" or "20143 events". */
const COUNT = '[aria-label="Events"] .events-tools .muted';

/**
 * The run page of the 20,000-event run, open on the Events tab with its history loaded, while a
 * signal is sent to the run through the API: how soon the page shows the new event.
 */
export const runUpdatesGroup: BenchGroup = {
  name: "runUpdates",
  metrics: [
    {
      key: "signalToEventMs",
      definition:
        "POST .../signals/ping sent (wall clock) to the page's event count grown (a MutationObserver" +
        ` in the page, wall clock): ${SAMPLES} signals a round, a second apart`,
      targetMs: 200,
    },
  ],
  async round(ctx) {
    const { page, close } = await ctx.newPage();
    try {
      await page.goto(longRunPath(ctx.seed.workflowId, ctx.seed.runId));
      await page.getByRole("tab", { name: "Events" }).click();
      await page.getByRole("status").filter({ hasText: "Loading history" }).waitFor({ state: "detached", timeout: 60_000 });
      await page.locator(COUNT).waitFor();
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        await settle(page);
        const seen = page.evaluate(
          ({ selector, timeoutMs }) =>
            new Promise<number>((resolve, reject) => {
              const el = document.querySelector(selector);
              if (el === null) throw new Error(`nothing matches ${selector}`);
              const before = el.textContent;
              const timer = setTimeout(() => {
                observer.disconnect();
                reject(new Error(`the page still shows '${String(before)}' ${timeoutMs} ms after the signal`));
              }, timeoutMs);
              const observer = new MutationObserver(() => {
                if (el.textContent !== before) {
                  observer.disconnect();
                  clearTimeout(timer);
                  resolve(performance.timeOrigin + performance.now());
                }
              });
              observer.observe(el, { childList: true, subtree: true, characterData: true });
            }),
          { selector: COUNT, timeoutMs: UPDATE_TIMEOUT_MS },
        );
        // the observer is in place before the signal goes
        await page.evaluate(() => 0);
        const sent = performance.timeOrigin + performance.now();
        const answer = await fetch(
          `${ctx.baseUrl}/api/v1/namespaces/default/workflows/${encodeURIComponent(ctx.seed.workflowId)}/signals/ping`,
          { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ args: [i] }) },
        );
        if (answer.status !== 204) throw new Error(`the signal was answered ${answer.status}: ${await answer.text()}`);
        samples.push((await seen) - sent);
      }
      return { signalToEventMs: samples };
    } finally {
      await close();
    }
  },
};

/** Waits until the events count has not changed for a second (the last signal's task is done). */
async function settle(page: import("playwright-core").Page): Promise<void> {
  let last = await page.locator(COUNT).textContent();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await page.locator(COUNT).textContent();
    if (now === last) return;
    last = now;
  }
}
