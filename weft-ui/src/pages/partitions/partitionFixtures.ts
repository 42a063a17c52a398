import { json, problem } from "../../testing/fakeServer";
import { detail } from "../assets/assetFixtures";
import type { AssetDetail } from "../assets/assetsApi";
import { noCounts, type StatusCounts } from "./partitionBarModel";
import type { PartitionSummary } from "./partitionsApi";

/** The asset of the partition tests: trades/daily_metrics, with 10,000,000 integer-range partitions. */
export const TOTAL = 10_000_000;
/** The one failed partition, the one in progress, and where the missing tail starts. */
export const FAILED_KEY = 4_242_424;
export const IN_PROGRESS_KEY = 9_000_000;
export const MISSING_FROM = 9_500_000;

const NS = "/api/v1/namespaces/default";
export const ASSET = `${NS}/assets/trades%2Fdaily_metrics`;

export const partitionedDetail: AssetDetail = {
  ...detail,
  definition: {
    ...detail.definition,
    partitions: { type: "integer-range", start: 0, end: TOTAL },
  } as AssetDetail["definition"],
};

export const summary: PartitionSummary = {
  assetKey: "trades/daily_metrics",
  definition: { type: "integer-range" },
  description: "integer partitions 0 to 9999999",
  total: TOTAL,
  counts: { MATERIALIZED: MISSING_FROM - 2, STALE: 0, FAILED: 1, IN_PROGRESS: 1, MISSING: TOTAL - MISSING_FROM },
  firstKey: "0",
  lastKey: String(TOTAL - 1),
};

/** The counts of the keys [lo, hi] of the fixture asset. */
export function countsOf(lo: number, hi: number): StatusCounts {
  const c = noCounts();
  const missing = Math.max(0, hi - Math.max(lo, MISSING_FROM) + 1);
  c.MISSING = missing;
  const present = hi - lo + 1 - missing;
  const failed = lo <= FAILED_KEY && FAILED_KEY <= hi ? 1 : 0;
  const running = lo <= IN_PROGRESS_KEY && IN_PROGRESS_KEY <= hi ? 1 : 0;
  c.FAILED = failed;
  c.IN_PROGRESS = running;
  c.MATERIALIZED = present - failed - running;
  return c;
}

/** The bar the server would draw: `buckets` even buckets over [from, to]. */
export function barOf(buckets: number, from: number, to: number) {
  const total = to - from + 1;
  const n = Math.min(buckets, total);
  return {
    assetKey: "trades/daily_metrics",
    from: String(from),
    to: String(to),
    total,
    buckets: Array.from({ length: n }, (_, i) => {
      const lo = from + Math.floor((i * total) / n);
      const hi = from + Math.floor(((i + 1) * total) / n) - 1;
      return { from: String(lo), to: String(hi), partitions: hi - lo + 1, counts: countsOf(lo, hi) };
    }),
  };
}

/** The partition routes of the fake server for the fixture asset; null for any other path. */
export function partitionRoutes(url: URL, request: Request): Response | null {
  const p = url.pathname;
  if (p === ASSET && request.method === "GET") return json(partitionedDetail);
  if (p === `${ASSET}/partitions`) return json(summary);
  if (p === `${ASSET}/partitions/bar`) {
    const buckets = Number(url.searchParams.get("buckets") ?? "1000");
    const from = Number(url.searchParams.get("from") ?? "0");
    const to = Number(url.searchParams.get("to") ?? String(TOTAL - 1));
    return json(barOf(buckets, from, to));
  }
  if (p === `${ASSET}/partitions/ranges`) {
    const status = url.searchParams.get("status");
    if (status === "FAILED") {
      return json({
        ranges: [{ from: String(FAILED_KEY), to: String(FAILED_KEY), partitions: 1, status: "FAILED", dataVersion: null, detail: "no prices for the day" }],
        nextPageToken: null,
      });
    }
    if (status === "MISSING") {
      return url.searchParams.get("pageToken") === "m2"
        ? json({ ranges: [{ from: "9600000", to: "9999999", partitions: 400_000, status: "MISSING", dataVersion: null, detail: null }], nextPageToken: null })
        : json({ ranges: [{ from: "9500000", to: "9599999", partitions: 100_000, status: "MISSING", dataVersion: null, detail: null }], nextPageToken: "m2" });
    }
    return json({ ranges: [], nextPageToken: null });
  }
  if (p === `${ASSET}/partitions/status`) {
    const key = url.searchParams.get("key") ?? "";
    if (!/^\d+$/.test(key) || Number(key) >= TOTAL) {
      return json(
        { type: "https://weft.dev/problems/invalid-partition-key", title: "Invalid partition key", status: 400, detail: `"${key}" is not a partition of integer partitions 0 to 9999999`, field: "key", value: key },
        400,
      );
    }
    const k = Number(key);
    const c = countsOf(k, k);
    const status = (Object.keys(c) as (keyof StatusCounts)[]).find((s) => c[s] > 0) ?? "MISSING";
    return json({
      assetKey: "trades/daily_metrics",
      key,
      status,
      dataVersion: status === "MATERIALIZED" ? `dv-${key}` : null,
      detail: status === "FAILED" ? "no prices for the day" : null,
    });
  }
  if (p === `${ASSET}/partitions/invalidate` && request.method === "POST") {
    return json({
      invalidated: [
        { assetKey: "trades/daily_metrics", partitions: 10_000 },
        { assetKey: "trades/report", partitions: 10_000 },
      ],
      materialization: { workflowId: "__weft_materialize:inv-1", runId: "run-inv-1" },
    });
  }
  return null;
}

/** The 503 of an invalidation no node hosting the asset code took. */
export function noAssetHost(): Response {
  return problem(503, "no-asset-host", "No asset host", "no node hosting the asset code answered within 30 s");
}
