import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

/**
 * The flags that keep Chromium from reaching out: the machine's network is closed, and without
 * them Chromium waits on connections (component updates, sync, QUIC probes) and hangs.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The benchmark's extra flags: Chromium 156 builds its omnibox popup as a WebUI page in its own
 * renderer for every new window (about 800 ms of CPU on two cores beside the page being measured,
 * docs/performance.md). Only the benchmark turns it off: the browser tests keep Chromium's
 * defaults (with these features off, their keyboard-focus and namespace-picker tests timed out once
 * in a full run; not explained yet).
 */
export const BENCH_CHROMIUM_ARGS: readonly string[] = [
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
];

/** The Chromium the tests drive: WEFT_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const path = process.env.WEFT_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `no Chromium at ${path}: the browser tests drive Debian's Chromium ` +
        "(apt-get install chromium), or set WEFT_CHROMIUM to a Chromium executable",
    );
  }
  return path;
}

/**
 * Options of the one headless Chromium of a test run (playwright-core gives every launch a fresh
 * temporary user-data directory, removed when the browser closes).
 */
export function chromiumOptions() {
  return { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS], timeout: 60_000 };
}

/**
 * The test run's Chromium (launched once by the global setup, which passes its endpoint as
 * `wsEndpoint`), connected for one file; `close()` disconnects. Every test makes its own context,
 * so no cookie or storage crosses tests.
 */
export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint, { timeout: 60_000 });
}

/** A fresh context (no storage) at 1280x800 against `baseURL`. */
export function newContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, ...options });
}
