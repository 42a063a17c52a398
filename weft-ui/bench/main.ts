import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { BENCH_CHROMIUM_ARGS, chromiumOptions, newContext } from "../e2e/support/browser";
import { WeftProcess } from "../e2e/support/weft";
import type { BenchContext } from "./support/context";
import { installProbes } from "./support/probes";
import { compileBenchApp, seedStore } from "./support/seed";
import { summarize, type MetricResult } from "./support/stats";
import { GROUPS, WATCH } from "./groups";

interface Options {
  rounds: number;
  runs: number;
  events: number;
  /** Where the seeded store is kept for later runs; a fresh temporary directory when absent. */
  storeDir?: string;
  /** The page groups to run, by name; every group when absent. */
  groups?: string[];
}

const USAGE = `usage: npm run bench -- [--rounds N] [--runs N] [--events N] [--store-dir DIR] [--groups A,B]
  --rounds     measured rounds of every page group, after one warm-up round (default 5)
  --runs       order runs to seed (default 100000)
  --events     events of the long run's history (default 20000)
  --store-dir  keep the seeded store in DIR and reuse it when DIR has one (default: a fresh one)
  --groups     run only these page groups, comma-separated (default: all of them)`;

function parse(args: readonly string[]): Options {
  const options: Options = { rounds: 5, runs: 100_000, events: 20_000 };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (value === undefined) throw new Error(`${String(name)} needs a value\n${USAGE}`);
    if (name === "--store-dir") options.storeDir = resolve(value);
    else if (name === "--groups") {
      const known = GROUPS.map((g) => g.name);
      const asked = value.split(",").map((g) => g.trim());
      const unknown = asked.filter((g) => !known.includes(g));
      if (unknown.length > 0) {
        throw new Error(`--groups: unknown group '${unknown.join("', '")}'; the groups are ${known.join(", ")}`);
      }
      options.groups = asked;
    }
    else if (name === "--rounds" || name === "--runs" || name === "--events") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of 1 or more, was '${value}'`);
      options[name.slice(2) as "rounds" | "runs" | "events"] = n;
    } else throw new Error(`unknown option '${String(name)}'\n${USAGE}`);
  }
  return options;
}

function log(message: string): void {
  process.stderr.write(`bench-ui: ${message}\n`);
}

/**
 * The browser benchmark: seeds a SQLite store through the engine, starts `weft server` on it,
 * drives Chromium through every page group (one warm-up round, then `--rounds` rounds) and prints
 * one JSON document. Returns the exit code (0 even when a target is missed: the JSON says so).
 */
export async function main(args: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parse(args);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const temporary = options.storeDir === undefined;
  const dir = options.storeDir ?? mkdtempSync(join(tmpdir(), "weft-bench-ui-"));
  mkdirSync(dir, { recursive: true });
  let weft: WeftProcess | null = null;
  const launch = chromiumOptions();
  const browser = await chromium.launch({ ...launch, args: [...launch.args, ...BENCH_CHROMIUM_ARGS] });
  try {
    log(`compiling the benchmark's workflows into ${dir}`);
    const classes = compileBenchApp(dir);
    log(`seeding ${options.runs} runs and a ${options.events}-event history (about a minute)`);
    const seed = seedStore(dir, classes, options.runs, options.events);
    log(`seeded in ${seed.seedSeconds} s${seed.reused === true ? " (earlier, reused)" : ""}; starting weft server`);
    weft = await WeftProcess.server(dir, ["--store", "weft.db", "--app", classes, "--no-examples"]);
    const baseUrl = weft.baseUrl;
    const ctx: BenchContext = {
      baseUrl,
      browser,
      seed,
      async newPage(probes = {}) {
        const context = await newContext(browser, baseUrl);
        const page = await context.newPage();
        await installProbes(page, { watch: WATCH, ...probes });
        return { page, close: () => context.close() };
      },
    };
    const loadBefore = loadavg().map((l) => Math.round(l * 10) / 10);
    const groups: Record<string, Record<string, MetricResult> | { error: string }> = {};
    let met = true;
    for (const group of GROUPS.filter((g) => options.groups === undefined || options.groups.includes(g.name))) {
      const samples = new Map<string, number[]>(group.metrics.map((m) => [m.key, []]));
      try {
        for (let round = 0; round <= options.rounds; round++) {
          log(`${group.name}: ${round === 0 ? "warm-up round" : `round ${round} of ${options.rounds}`}`);
          const taken = await group.round(ctx);
          log(`${group.name}: ${JSON.stringify(taken)}`);
          if (round === 0) continue;
          for (const [key, values] of Object.entries(taken)) samples.get(key)?.push(...values);
        }
      } catch (e) {
        // one broken page group does not cost the others' figures
        log(`${group.name} failed: ${(e as Error).stack ?? String(e)}`);
        groups[group.name] = { error: (e as Error).message };
        met = false;
        continue;
      }
      const results: Record<string, MetricResult> = {};
      for (const m of group.metrics) {
        const r = summarize(m, samples.get(m.key) ?? []);
        results[m.key] = r;
        if (r.met !== undefined) met &&= r.met;
      }
      groups[group.name] = results;
    }
    const document = {
      benchmark: "weft-ui",
      time: new Date().toISOString(),
      allMet: met,
      rounds: options.rounds,
      warmUpRounds: 1,
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? "unknown",
        chromium: browser.version(),
        node: process.version,
        // the 1, 5 and 15 minute load averages before and after the rounds: a busy machine (other
        // builds) stretches frames and latencies
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg().map((l) => Math.round(l * 10) / 10),
      },
      seed: {
        runs: seed.runs,
        runningRuns: seed.running,
        longHistoryEvents: seed.historyLength,
        // the asset graph of the asset groups (absent from a store seeded before it)
        assets: seed.assets ?? 0,
        assetLayers: seed.assetLayers ?? 0,
        seconds: seed.seedSeconds,
        reused: seed.reused === true,
      },
      ...groups,
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  } finally {
    await browser.close();
    if (weft !== null) await weft.stop();
    if (temporary) rmSync(dir, { recursive: true, force: true });
  }
}
