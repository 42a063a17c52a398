import { json, problem } from "../../testing/fakeServer";
import type { AssetDetail, AssetSummary, HistoryEntry } from "./assetsApi";
import type { FreshnessStatus, FreshnessViolation } from "./freshnessApi";

/** A stale asset of the trades example (a code version change). */
export const dailyMetrics: AssetSummary = {
  assetKey: "trades/daily_metrics",
  partition: "",
  group: "trades",
  kind: "COMPUTED",
  status: "STALE",
  reasons: [
    {
      kind: "CODE_VERSION_CHANGED",
      rootCauseKey: "trades/daily_metrics",
      detail: "code version v1 -> v2",
    },
  ],
  latestMaterialization: {
    runId: "run-2",
    dataVersion: "dv-metrics-2",
    codeVersion: "v1",
    inputDataVersions: { "trades/processed_trades": "dv-pt-1" },
    metadata: { rows: 12, computeMillis: 4 },
    startedAt: "2026-12-06T10:00:00Z",
    finishedAt: "2026-12-06T10:00:01Z",
  },
  definedChecks: 1,
  checks: { passed: 1, failed: 0, blockingFailed: 0, warned: 0 },
};

/** The catalog of the tests: one asset of each status. */
export const catalog: AssetSummary[] = [
  { assetKey: "chain/blocks", partition: "", group: "chain", kind: "OBSERVABLE_SOURCE", status: "FRESH", reasons: [], definedChecks: 0, checks: { passed: 0, failed: 0, blockingFailed: 0, warned: 0 } },
  {
    assetKey: "chain/raw_blocks",
    partition: "",
    group: "chain",
    kind: "COMPUTED",
    status: "FAILED",
    reasons: [],
    lastFailureMessage: "the chain did not answer",
    definedChecks: 1,
    checks: { passed: 0, failed: 1, blockingFailed: 1, warned: 0 },
  },
  { assetKey: "trades/raw_trades", partition: "", group: "trades", kind: "COMPUTED", status: "MISSING", reasons: [], definedChecks: 0, checks: { passed: 0, failed: 0, blockingFailed: 0, warned: 0 } },
  dailyMetrics,
];

/** A definition as the server writes it (its `metadata` is any JSON object, typed as an empty one). */
function definitionOf(json: unknown): AssetDetail["definition"] {
  return json as AssetDetail["definition"];
}

export const detail: AssetDetail = {
  assetKey: "trades/daily_metrics",
  group: "trades",
  kind: "COMPUTED",
  codeVersion: "v2",
  definition: definitionOf({
    description: "trades and prices of a day",
    owners: ["team-data"],
    tags: { tier: "gold" },
    metadata: { sla: "daily" },
    ioManager: "default",
  }),
  state: {
    ...dailyMetrics,
    reasons: [
      {
        kind: "UPSTREAM_STALE",
        upstreamKey: "trades/processed_trades",
        rootCauseKey: "trades/raw_trades",
        detail: "processed_trades is stale",
      },
    ],
  },
  upstream: ["trades/processed_trades", "trades/raw_prices"],
  downstream: ["trades/report"],
  checks: [
    { checkName: "non_negative", runId: "run-2", passed: false, severity: "ERROR", blocking: true, metadata: { negatives: 3 }, at: "2026-12-06T10:00:01Z" },
  ],
};

export const historyPage1: HistoryEntry[] = [
  { id: 3, outcome: "FAILED", at: "2026-12-06T11:00:00Z", failureType: "java.lang.IllegalStateException", failureMessage: "no prices for the day" },
  {
    id: 2,
    outcome: "MATERIALIZED",
    at: "2026-12-06T10:00:01Z",
    materialization: dailyMetrics.latestMaterialization,
  },
];

export const historyPage2: HistoryEntry[] = [
  {
    id: 1,
    outcome: "MATERIALIZED",
    at: "2026-12-06T09:00:01Z",
    materialization: {
      runId: "run-1",
      dataVersion: "dv-metrics-1",
      codeVersion: "v1",
      inputDataVersions: {},
      metadata: { rows: 7, computeMillis: 9 },
      startedAt: "2026-12-06T09:00:00Z",
      finishedAt: "2026-12-06T09:00:01Z",
    },
  },
];

/** trades/daily_metrics is fresh for another hour under a one-hour policy. */
export const freshness: FreshnessStatus = {
  assetKey: "trades/daily_metrics",
  status: "FRESH",
  policy: { kind: "MAX_LAG", maxLag: "PT1H", registeredAt: "2026-12-06T08:00:00Z" },
  freshUntil: "2026-12-06T10:00:01Z",
  lastMaterializedAt: "2026-12-06T09:00:01Z",
};

/** Its one violation, cleared by a materialization. */
export const freshnessViolations: FreshnessViolation[] = [
  {
    id: 1,
    assetKey: "trades/daily_metrics",
    partition: "",
    policy: "maxLag=PT1H",
    deadline: "2026-12-06T08:30:00Z",
    lastMaterializedAt: "2026-12-06T07:30:00Z",
    recordedAt: "2026-12-06T08:30:00Z",
    clearedAt: "2026-12-06T09:00:01Z",
    clearedByMaterializationId: 2,
    clearedByRunId: "run-2",
    clearReason: "MATERIALIZED",
  },
];

/** The asset routes of a fake server, for the asset tests; null for any other path. */
export function assetRoutes(url: URL, request: Request): Response | null {
  const p = url.pathname;
  const ns = "/api/v1/namespaces/default";
  if (p === "/api/v1/namespaces") return json({ namespaces: [] });
  if (p === `${ns}/assets`) return json({ assets: catalog });
  if (p === `${ns}/assets/trades%2Fdaily_metrics`) return json(detail);
  if (p === `${ns}/assets/trades%2Fdaily_metrics/history`) {
    return url.searchParams.get("pageToken") === "p2"
      ? json({ entries: historyPage2 })
      : json({ entries: historyPage1, nextPageToken: "p2" });
  }
  if (p === `${ns}/assets/trades%2Fdaily_metrics/freshness`) return json(freshness);
  if (p === `${ns}/assets/trades%2Fdaily_metrics/freshness/violations`) {
    return json({ violations: freshnessViolations });
  }
  if (p === `${ns}/workflows` && request.method === "GET") {
    const q = url.searchParams.get("query") ?? "";
    const runId = /RunId = '(.*)'/.exec(q)?.[1];
    return json({
      workflows: [{ workflowId: `__weft_materialize:${runId ?? "x"}`, runId: runId ?? "x", workflowType: "__weft_materialize", taskQueue: "__weft_assets", status: "COMPLETED", startTime: "2026-12-06T10:00:00Z" }],
    });
  }
  if (p === `${ns}/asset-selection`) {
    const s = url.searchParams.get("selection") ?? "";
    if (s.includes("=x")) {
      return json({ type: "https://weft.dev/problems/invalid-selection", title: "Invalid selection", status: 400, detail: "unexpected '=' at position 19", field: "selection", value: 19 }, 400);
    }
    if (s.includes("nope")) {
      return json({ type: "https://weft.dev/problems/unknown-asset", title: "Unknown asset", status: 400, detail: "unknown asset trades/nope; did you mean trades/report?", field: "selection", value: "trades/nope, chain/nah" }, 400);
    }
    if (s === "group:none") return problem(400, "invalid-selection", "Invalid selection", "group:none selects no asset");
    return json({ selection: s, assetKeys: ["trades/raw_trades", "trades/processed_trades", "trades/daily_metrics"] });
  }
  return null;
}
