import type { Browser, Page } from "playwright-core";
import type { ProbeOptions } from "./probes";
import type { MetricDefinition } from "./stats";
import type { SeedResult } from "./seed";

/** What a page group's round gets: the server, the browser and what the seed made. */
export interface BenchContext {
  /** The `weft server` on the seeded store, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  browser: Browser;
  seed: SeedResult;
  /**
   * A page in a fresh context (no cache, no storage) at 1280x800, with the in-page probes
   * installed (see probes.ts) before any script of the UI runs, watching the selectors of
   * groups/index.ts and clicking or typing as `probes` says; `close` closes its context.
   */
  newPage(probes?: Omit<ProbeOptions, "watch">): Promise<{ page: Page; close(): Promise<void> }>;
}

/**
 * The measurements of one group of pages (a file in bench/groups, listed in groups/index.ts): its
 * metrics, and one round of them. Each round returns the samples it took per metric key (one per
 * round, or several); the runner collects them over the rounds and judges each against its target.
 */
export interface BenchGroup {
  /** The group's key in the JSON document, e.g. `workflows`. */
  name: string;
  metrics: readonly MetricDefinition[];
  round(ctx: BenchContext): Promise<Record<string, number[]>>;
}
