import type { Page } from "playwright-core";

/** What the probes record in the page (times are `performance.now()`: ms since navigation start). */
export interface Probes {
  /** When each watched selector first matched an element, by name. */
  seen: Record<string, number>;
  /** The selectors to watch, by name. */
  watch: Record<string, string>;
  /** Long tasks (over 50 ms) of the main thread: start and duration. */
  longTasks: { start: number; duration: number }[];
  /** When the first `input` event reached the document, and when the frame after it ran. */
  inputAt?: number;
  inputPaintedAt?: number;
}

declare global {
  interface Window {
    __weftBench: Probes;
  }
}

/**
 * The probes, as the script that installs them before the UI's own scripts: a MutationObserver
 * that notes when each watched selector first matches, a long-task observer, and an `input`
 * listener that notes the first keystroke and the frame that shows it.
 */
function install(watch: Record<string, string>): void {
  const probes: Probes = { seen: {}, watch, longTasks: [] };
  window.__weftBench = probes;
  const check = () => {
    for (const [name, selector] of Object.entries(probes.watch)) {
      if (probes.seen[name] === undefined && document.querySelector(selector) !== null) {
        probes.seen[name] = performance.now();
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probes.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no long-task timing in this browser: the frame gaps still say it
  }
  document.addEventListener(
    "input",
    () => {
      if (probes.inputAt !== undefined) return;
      probes.inputAt = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          probes.inputPaintedAt = performance.now();
        }, 0),
      );
    },
    true,
  );
}

/** Installs the probes in every document `page` loads, watching `watch` (name to CSS selector). */
export async function installProbes(page: Page, watch: Record<string, string>): Promise<void> {
  await page.addInitScript(install, watch);
}

/** Waits until the selector named `name` was seen; returns when (ms since navigation start). */
export async function seenAt(page: Page, name: string, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction((n) => window.__weftBench.seen[n], name, {
    timeout: timeoutMs,
    polling: 50,
  });
  return (await handle.jsonValue()) as number;
}

/**
 * Scrolls the element `selector` from its top to its bottom, `step` px per animation frame, and
 * returns the longest gap between two frames and the long tasks meanwhile (the main thread's worst
 * stall while scrolling), with how many frames it took.
 */
export async function scrollThrough(
  page: Page,
  selector: string,
  step: number,
): Promise<{ longestFrameMs: number; frames: number; longestTaskMs: number; reachedEnd: boolean }> {
  return page.evaluate(
    ({ selector, step }) =>
      new Promise((resolve) => {
        const el = document.querySelector(selector);
        if (el === null) throw new Error(`nothing matches ${selector}`);
        el.scrollTop = 0;
        const began = performance.now();
        let last = began;
        let longest = 0;
        let frames = 0;
        const frame = (now: number) => {
          longest = Math.max(longest, now - last);
          last = now;
          frames++;
          const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
          if (atEnd || frames > 20_000) {
            const tasks = window.__weftBench.longTasks.filter((t) => t.start >= began);
            resolve({
              longestFrameMs: longest,
              frames,
              longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
              reachedEnd: atEnd,
            });
            return;
          }
          el.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(frame);
        });
      }),
    { selector, step },
  );
}
