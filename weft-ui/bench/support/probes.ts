import type { Page } from "playwright-core";

/** What the probes record in the page (times are `performance.now()`: ms since navigation start). */
export interface Probes {
  /** When each watched selector first matched an element, by name. */
  seen: Record<string, number>;
  /** The selectors to watch, by name. */
  watch: Record<string, string>;
  /** Elements the page clicks itself as soon as they appear (no round trip to the harness). */
  click: string[];
  /**
   * A selector of an input the page types one character into itself (`execCommand("insertText")`,
   * as a task queued as soon as the `typeWhen` selector is seen): the keystroke a user sends the
   * moment the rows show, without the harness's round trip.
   */
  type?: { input: string; typeWhen: string; text: string };
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
function install(options: Pick<Probes, "watch" | "click" | "type">): void {
  const probes: Probes = { seen: {}, longTasks: [], ...options };
  window.__weftBench = probes;
  let typed = false;
  const check = () => {
    for (const [name, selector] of Object.entries(probes.watch)) {
      if (probes.seen[name] === undefined && document.querySelector(selector) !== null) {
        probes.seen[name] = performance.now();
      }
    }
    for (const selector of [...probes.click]) {
      const el = document.querySelector(selector);
      if (el instanceof HTMLElement) {
        probes.click = probes.click.filter((c) => c !== selector);
        el.click();
      }
    }
    const t = probes.type;
    if (t !== undefined && !typed && document.querySelector(t.typeWhen) !== null) {
      typed = true;
      setTimeout(() => {
        const input = document.querySelector(t.input);
        if (input instanceof HTMLInputElement) {
          input.focus();
          document.execCommand("insertText", false, t.text);
        }
      }, 0);
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

/** What the probes of a page watch, click and type (see {@link Probes}). */
export interface ProbeOptions {
  watch: Record<string, string>;
  click?: string[];
  type?: Probes["type"];
}

/** Installs the probes in every document `page` loads. */
export async function installProbes(page: Page, options: ProbeOptions): Promise<void> {
  await page.addInitScript(install, { watch: options.watch, click: options.click ?? [], type: options.type });
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
