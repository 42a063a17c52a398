import { json, problem } from "../../testing/fakeServer";
import type { SensorDescription, SensorSummary } from "./sensorsApi";

const NS = "/api/v1/namespaces/default";
export const SENSORS = `${NS}/sensors`;

/** A healthy sensor: two evaluations, the newer one started a run and found another already started. */
export const chainHeight: SensorDescription = {
  name: "chain-height",
  status: "RUNNING",
  cursor: "12",
  minimumInterval: "PT1S",
  nextEvaluationAt: "2026-12-06T10:00:03Z",
  consecutiveFailures: 0,
  lastEvaluationAt: "2026-12-06T10:00:02Z",
  watchedAssets: [],
  recentEvaluations: [
    {
      time: "2026-12-06T10:00:01Z",
      cursorBefore: "10",
      cursorAfter: "10",
      requests: [],
      skipReason: "no new block",
      duration: "PT0.004S",
    },
    {
      time: "2026-12-06T10:00:02Z",
      cursorBefore: "10",
      cursorAfter: "12",
      requests: [
        { dedupeKey: "block-11", workflowId: "chain-height:block-11", runId: "run-11", outcome: "STARTED" },
        { dedupeKey: "block-12", workflowId: "chain-height:block-12", runId: "run-12", outcome: "ALREADY_STARTED" },
      ],
      duration: "PT0.012S",
    },
  ],
};

/** A failing sensor: its last three evaluations threw. */
export const inbox: SensorDescription = {
  name: "s3-inbox",
  status: "FAILING",
  cursor: "2026-12-06/0007",
  minimumInterval: "PT30S",
  nextEvaluationAt: "2026-12-06T10:04:00Z",
  consecutiveFailures: 3,
  lastEvaluationAt: "2026-12-06T10:00:00Z",
  lastError: "java.io.UncheckedIOException: bucket inbox unreachable",
  watchedAssets: [],
  recentEvaluations: [
    {
      time: "2026-12-06T10:00:00Z",
      cursorBefore: "2026-12-06/0007",
      cursorAfter: "2026-12-06/0007",
      requests: [],
      duration: "PT5S",
      error: "java.io.UncheckedIOException: bucket inbox unreachable",
    },
  ],
};

/** A paused sensor with its note. */
export const nightly: SensorDescription = {
  name: "nightly-files",
  status: "PAUSED",
  pauseNote: "vendor maintenance until Monday",
  minimumInterval: "PT5M",
  consecutiveFailures: 0,
  recentEvaluations: [],
  watchedAssets: [],
};

/** A sensor evaluated on each new materialization of an asset, waiting for the next one. */
export const pricesLanded: SensorDescription = {
  name: "prices-landed",
  status: "RUNNING",
  minimumInterval: "PT30S",
  consecutiveFailures: 0,
  lastEvaluationAt: "2026-12-07T09:00:00Z",
  watchedAssets: ["market/prices"],
  recentEvaluations: [
    { time: "2026-12-07T09:00:00Z", requests: [], skipReason: "changed: [market/prices]", duration: "PT0.002S" },
  ],
};

/** The list's row of `s`, as the server gives it: the newest evaluation instead of them all. */
function summary(s: SensorDescription): SensorSummary {
  const { recentEvaluations, ...rest } = s;
  const last = recentEvaluations[recentEvaluations.length - 1];
  return last === undefined ? rest : { ...rest, lastEvaluation: last };
}

/**
 * The sensor routes over `state`: list, describe, pause (the note kept), unpause, and set cursor,
 * which refuses a cursor of `bad` with a 400 problem as a server's validation would.
 */
export function sensorRoutes(
  state: Map<string, SensorDescription> = new Map([
    [chainHeight.name, chainHeight],
    [inbox.name, inbox],
    [nightly.name, nightly],
  ]),
) {
  return async (url: URL, request: Request): Promise<Response | null> => {
    const p = url.pathname;
    if (p === SENSORS && request.method === "GET") return json({ sensors: [...state.values()].map(summary) });
    const m = /^\/api\/v1\/namespaces\/default\/sensors\/([^/]+)(?:\/(.+))?$/.exec(p);
    if (m === null) return null;
    const name = decodeURIComponent(m[1] ?? "");
    const s = state.get(name);
    if (s === undefined) {
      return problem(404, "sensor-not-found", "Sensor not found", `namespace 'default' has no running sensor '${name}'`);
    }
    switch (m[2]) {
      case undefined:
        return json(s);
      case "pause": {
        const { note } = (await request.clone().json()) as { note?: string };
        state.set(name, { ...s, status: "PAUSED", pauseNote: note, nextEvaluationAt: undefined });
        return json({ name }, 202);
      }
      case "unpause":
        state.set(name, { ...s, status: "RUNNING", pauseNote: undefined, nextEvaluationAt: "2026-12-06T10:00:09Z" });
        return json({ name }, 202);
      case "cursor": {
        const { cursor } = (await request.clone().json()) as { cursor: string | null };
        if (cursor === "bad") {
          return json(
            {
              type: "https://weft.dev/problems/invalid-field",
              title: "Invalid field",
              status: 400,
              detail: "cursor 'bad' is not a block height",
              field: "cursor",
              value: "bad",
            },
            400,
          );
        }
        state.set(name, { ...s, cursor: cursor ?? undefined });
        return json({ name }, 202);
      }
      default:
        return null;
    }
  };
}
