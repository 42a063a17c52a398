import { json, problem } from "../../testing/fakeServer";
import type { Backfill } from "./backfillsApi";

const NS = "/api/v1/namespaces/default";
export const BACKFILLS = `${NS}/backfills`;

/** A running backfill of two assets, a failure in each. */
export const running: Backfill = {
  backfillId: "bf-1",
  status: "RUNNING",
  selection: "trades/*",
  partitions: { from: "2024-01-01", to: "2024-12-31" },
  maxConcurrentRuns: 4,
  retryOf: null,
  workflowId: "__weft_backfill:bf-1",
  createdAt: "2026-12-06T10:00:00Z",
  updatedAt: "2026-12-06T10:05:00Z",
  endedAt: null,
  assets: [
    { assetKey: "trades/raw_trades", partitions: 366, counts: { MATERIALIZED: 300, FAILED: 2, IN_PROGRESS: 4, PENDING: 60, SKIPPED: 0 } },
    { assetKey: "trades/daily_metrics", partitions: 366, counts: { MATERIALIZED: 200, FAILED: 1, IN_PROGRESS: 4, PENDING: 159, SKIPPED: 2 } },
  ],
  totals: { partitions: 732, MATERIALIZED: 500, FAILED: 3, IN_PROGRESS: 8, PENDING: 219, SKIPPED: 2 },
  throughputPerSecond: 1.7,
  remainingSeconds: 135,
};

/** An ended backfill with failures. */
export const failed: Backfill = {
  ...running,
  backfillId: "bf-0",
  status: "FAILED",
  workflowId: "__weft_backfill:bf-0",
  partitions: { keys: ["2024-02-01", "2024-02-02"] },
  endedAt: "2026-12-06T09:30:00Z",
  assets: [{ assetKey: "trades/raw_trades", partitions: 2, counts: { MATERIALIZED: 1, FAILED: 1, IN_PROGRESS: 0, PENDING: 0, SKIPPED: 0 } }],
  totals: { partitions: 2, MATERIALIZED: 1, FAILED: 1, IN_PROGRESS: 0, PENDING: 0, SKIPPED: 0 },
  throughputPerSecond: 0.5,
  remainingSeconds: null,
};

/** The retry of bf-0. */
export const retry: Backfill = {
  ...failed,
  backfillId: "bf-2",
  status: "RUNNING",
  workflowId: "__weft_backfill:bf-2",
  partitions: { keys: ["2024-02-02"] },
  retryOf: "bf-0",
  endedAt: null,
  assets: [{ assetKey: "trades/raw_trades", partitions: 1, counts: { MATERIALIZED: 0, FAILED: 0, IN_PROGRESS: 1, PENDING: 0, SKIPPED: 0 } }],
  totals: { partitions: 1, MATERIALIZED: 0, FAILED: 0, IN_PROGRESS: 1, PENDING: 0, SKIPPED: 0 },
  remainingSeconds: null,
};

export const failedRanges = [
  { assetKey: "trades/raw_trades", from: "2024-03-01", to: "2024-03-02", partitions: 2, error: "java.io.IOException: exchange timed out" },
  { assetKey: "trades/daily_metrics", from: "2024-03-05", to: "2024-03-05", partitions: 1, error: "no prices for the day" },
];

/**
 * The backfill routes of a fake server over a mutable set of backfills (pause, resume, cancel and
 * retry-failed change it as the server would); null for any other path.
 */
export function backfillRoutes(state: Map<string, Backfill> = new Map([["bf-1", running], ["bf-0", failed]])) {
  return (url: URL, request: Request): Response | Promise<Response> | null => {
    const p = url.pathname;
    if (p === BACKFILLS && request.method === "GET") {
      const status = url.searchParams.get("status");
      const all = [...state.values()].filter((b) => status === null || b.status === status);
      return json({ backfills: all, nextPageToken: null });
    }
    if (p === BACKFILLS && request.method === "POST") return launch(request, state);
    const m = /^\/api\/v1\/namespaces\/default\/backfills\/([^/]+)(?:\/(.+))?$/.exec(p);
    if (m === null) return null;
    const id = decodeURIComponent(m[1] ?? "");
    const b = state.get(id);
    if (b === undefined) return problem(404, "backfill-not-found", "Backfill not found", `no backfill ${id}`);
    const action = m[2];
    if (action === undefined) return json(b);
    if (action === "failed") {
      return url.searchParams.get("pageToken") === "f2"
        ? json({ failed: failedRanges.slice(1), nextPageToken: null })
        : json({ failed: failedRanges.slice(0, 1), nextPageToken: "f2" });
    }
    const ended = !["REQUESTED", "RUNNING", "PAUSED", "CANCELING"].includes(b.status);
    if (action === "retry-failed") {
      if (b.totals.FAILED === 0) return problem(409, "nothing-failed", "Nothing failed", `${id} has no failed partition`);
      state.set(retry.backfillId, retry);
      return json(retry, 202);
    }
    if (ended) return problem(409, "backfill-ended", "Backfill ended", `${id} ended ${b.status}`);
    const next: Backfill = { ...b, status: action === "pause" ? "PAUSED" : action === "resume" ? "RUNNING" : "CANCELING" };
    state.set(id, next);
    return json(next);
  };
}

async function launch(request: Request, state: Map<string, Backfill>): Promise<Response> {
  const body = (await request.clone().json()) as {
    selection: string;
    partitions: { from?: string; to?: string; keys?: string[] };
    maxConcurrentRuns?: number;
    dryRun?: boolean;
  };
  if (body.selection.includes("nope")) {
    return json({ type: "https://weft.dev/problems/unknown-asset", title: "Unknown asset", status: 400, detail: "unknown asset trades/nope", field: "selection", value: "trades/nope" }, 400);
  }
  if (body.partitions.from !== undefined && body.partitions.to !== undefined && body.partitions.from > body.partitions.to) {
    return json({ type: "https://weft.dev/problems/empty-partition-range", title: "Empty partition range", status: 400, detail: `no partition from ${body.partitions.from} to ${body.partitions.to}` }, 400);
  }
  if (body.dryRun === true) {
    return json({
      dryRun: true,
      selection: body.selection,
      assets: [
        { assetKey: "trades/raw_trades", partitions: 366, runs: 12 },
        { assetKey: "trades/daily_metrics", partitions: 366, runs: 37 },
      ],
      partitions: 732,
      runs: 49,
    });
  }
  const started: Backfill = { ...running, backfillId: "bf-9", workflowId: "__weft_backfill:bf-9", selection: body.selection, status: "REQUESTED" };
  state.set(started.backfillId, started);
  return json(started, 202);
}
