import { json, problem } from "../../testing/fakeServer";
import type { Schedule, ScheduleSummary } from "./schedulesApi";

const NS = "/api/v1/namespaces/default";
export const SCHEDULES = `${NS}/schedules`;

/** The example's daily schedule, with one started firing and one skipped while it was paused. */
export const tradesDaily: Schedule = {
  id: "trades-daily",
  description: "yesterday's partition of the daily trades, at 01:00 UTC",
  spec: { cron: "0 1 * * *", timeZone: "UTC" },
  action: { type: "materialize", selection: "trades/trades_by_day+", partitionFromFireTime: true },
  overlapPolicy: "SKIP",
  catchUpWindow: "PT1M",
  paused: false,
  nextFireTimes: ["2026-12-08T01:00:00Z", "2026-12-09T01:00:00Z", "2026-12-10T01:00:00Z"],
  recentFirings: [
    {
      nominal: "2026-12-06T01:00:00Z",
      actual: "2026-12-06T01:00:00.012Z",
      workflowId: "trades-daily@2026-12-06T01:00:00Z",
      outcome: "SKIPPED",
      reason: "paused: vendor outage",
    },
    {
      nominal: "2026-12-07T01:00:00Z",
      actual: "2026-12-07T01:00:00.009Z",
      workflowId: "trades-daily@2026-12-07T01:00:00Z",
      runId: "run-7",
      outcome: "STARTED",
    },
  ],
  bufferedFirings: [],
  runningWorkflowIds: [],
  started: 1,
  skipped: 1,
  failed: 0,
};

/** A paused hourly schedule that starts a workflow, with a run still running and a firing buffered. */
export const nightly: Schedule = {
  id: "reports",
  spec: { interval: "PT1H", offset: "PT5M", timeZone: "Europe/Paris", jitter: "PT30S" },
  action: { type: "startWorkflow", workflowType: "ReportWorkflow", taskQueue: "reports", args: ["eu"] },
  overlapPolicy: "BUFFER_ONE",
  catchUpWindow: "PT10M",
  paused: true,
  note: "warehouse migration",
  nextFireTimes: ["2026-12-07T15:05:00Z"],
  recentFirings: [],
  bufferedFirings: ["2026-12-07T14:05:00Z"],
  runningWorkflowIds: ["reports@2026-12-07T13:05:00Z"],
  started: 0,
  skipped: 0,
  failed: 0,
};

/** The list's row of `s`, as the server gives it: the last firing without its run ID. */
function summary(s: Schedule): ScheduleSummary {
  const last = s.recentFirings[s.recentFirings.length - 1];
  let lastFiring: ScheduleSummary["lastFiring"];
  if (last !== undefined) {
    const { runId: _runId, ...withoutRun } = last;
    lastFiring = withoutRun;
  }
  return {
    id: s.id,
    spec: s.spec,
    actionType: s.action.type,
    action: s.action,
    paused: s.paused,
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.nextFireTimes[0] !== undefined ? { nextFireTime: s.nextFireTimes[0] } : {}),
    ...(lastFiring !== undefined ? { lastFiring } : {}),
  };
}

/**
 * A fake of the schedule routes over `schedules` (a copy, changed by the requests as the server
 * would once the schedule handled the signal): pause and unpause set the state and note, trigger
 * adds a started firing, backfill refuses `to` before `from` with the server's 400 and otherwise
 * adds a firing at `to`, delete removes the schedule.
 */
export function scheduleRoutes(initial: Schedule[] = [tradesDaily, nightly]) {
  const schedules = new Map(initial.map((s) => [s.id, structuredClone(s)]));
  return async (url: URL, request: Request): Promise<Response | null> => {
    const path = url.pathname;
    if (path === SCHEDULES && request.method === "GET") {
      return json({ schedules: [...schedules.values()].map(summary) });
    }
    const m = /^\/api\/v1\/namespaces\/default\/schedules\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
    if (m === null) return null;
    const id = decodeURIComponent(m[1] ?? "");
    const s = schedules.get(id);
    if (s === undefined) {
      return problem(404, "schedule-not-found", "Schedule not found", `no schedule ${id} in namespace default`);
    }
    const accepted = json({ id }, 202);
    switch (m[2]) {
      case undefined:
        if (request.method === "DELETE") {
          schedules.delete(id);
          return new Response(null, { status: 204 });
        }
        return json(s);
      case "pause":
        s.paused = true;
        s.note = ((await request.clone().json()) as { note?: string }).note;
        return accepted;
      case "unpause":
        s.paused = false;
        delete s.note;
        return accepted;
      case "trigger":
        s.recentFirings.push({
          nominal: "2026-12-07T14:00:00Z",
          actual: "2026-12-07T14:00:00.003Z",
          workflowId: `${id}@2026-12-07T14:00:00Z`,
          runId: "run-now",
          outcome: "STARTED",
        });
        s.started += 1;
        return accepted;
      case "backfill": {
        const body = (await request.clone().json()) as { from: string; to: string };
        if (body.to <= body.from) {
          return json(
            {
              type: "https://weft.dev/problems/invalid-field",
              title: "Invalid field",
              status: 400,
              detail: `to ${body.to} is not after from ${body.from}`,
              field: "to",
              value: body.to,
            },
            400,
          );
        }
        s.recentFirings.push({ nominal: body.to, actual: "2026-12-07T14:01:00Z", workflowId: `${id}@${body.to}`, runId: "run-bf", outcome: "STARTED" });
        s.started += 1;
        return accepted;
      }
      default:
        return null;
    }
  };
}
