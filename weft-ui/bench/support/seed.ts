import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { javaBinary, weftJar } from "../../e2e/support/weft";

/** What the seeder made (its JSON line; see bench/seed/dev/weft/uibench/UiBenchSeed.java). */
export interface SeedResult {
  workflowId: string;
  runId: string;
  historyLength: number;
  runs: number;
  running: number;
  seedSeconds: number;
  /** The assets of the seeded graph (materialized once, all fresh) and its layers. */
  assets?: number;
  assetLayers?: number;
  /** The namespace and key of the partitioned asset (UiBenchPartitions) and its partitions. */
  partitionsNamespace?: string;
  partitionedAsset?: string;
  partitions?: number;
  /** True when the store was made by an earlier run (--store-dir) and reused. */
  reused?: boolean;
}

const SEED_SOURCES = resolve(dirname(fileURLToPath(import.meta.url)), "../seed");

/** The benchmark's Java classes (the seeder and the app the server serves), compiled into `dir`. */
export function compileBenchApp(dir: string): string {
  const out = join(dir, "app-classes");
  mkdirSync(out, { recursive: true });
  const sources = readdirSync(join(SEED_SOURCES, "dev/weft/uibench"))
    .filter((f) => f.endsWith(".java"))
    .map((f) => join(SEED_SOURCES, "dev/weft/uibench", f));
  const javac = join(dirname(javaBinary()), "javac");
  run(javac, ["-proc:none", "-cp", weftJar(), "-d", out, ...sources]);
  cpSync(join(SEED_SOURCES, "META-INF"), join(out, "META-INF"), { recursive: true });
  return out;
}

/**
 * Seeds `dir/weft.db` (runs order runs and a run of about `events` events), or reads back what an
 * earlier seed of `dir` made (`dir/seed.json`).
 */
export function seedStore(dir: string, classes: string, runs: number, events: number): SeedResult {
  const record = join(dir, "seed.json");
  if (existsSync(record) && existsSync(join(dir, "weft.db"))) {
    return { ...(JSON.parse(readFileSync(record, "utf8")) as SeedResult), reused: true };
  }
  const out = run(javaBinary(), [
    "--enable-native-access=ALL-UNNAMED",
    "-cp",
    `${weftJar()}:${classes}`,
    "dev.weft.uibench.UiBenchSeed",
    join(dir, "weft.db"),
    String(runs),
    String(events),
  ]);
  const line = out.trim().split("\n").filter((l) => l.startsWith("{")).at(-1);
  if (line === undefined) throw new Error(`the seeder printed no result:\n${out}`);
  writeFileSync(record, line);
  return JSON.parse(line) as SeedResult;
}

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.slice(0, 4).join(" ")}... failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}
