import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";
import { durationText } from "../../components/isoDuration";

/** A schedule as describe answers it: definition, next fire times, recent firings, counts. */
export type Schedule = components["schemas"]["Schedule"];
/** A schedule of the list. */
export type ScheduleSummary = components["schemas"]["ScheduleSummary"];
/** When a schedule fires. */
export type ScheduleSpec = components["schemas"]["ScheduleSpec"];
/** What each firing does. */
export type ScheduleAction = components["schemas"]["ScheduleAction"];
/** One firing: nominal and actual time, outcome, the run it started. */
export type ScheduleFiring = components["schemas"]["ScheduleFiring"];
/** What a firing does while the previous one's run still runs. */
export type OverlapPolicy = components["schemas"]["ScheduleOverlapPolicy"];

/** Every overlap policy, in the order the choices list them. */
export const OVERLAP_POLICIES: readonly OverlapPolicy[] = [
  "SKIP",
  "BUFFER_ONE",
  "BUFFER_ALL",
  "CANCEL_OTHER",
  "TERMINATE_OTHER",
  "ALLOW_ALL",
];

/** The pages refresh this often, so that a firing shows without a reload. */
export const SCHEDULE_REFRESH_MS = 3000;
/** How many next fire times the schedule's page asks for. */
export const NEXT_FIRE_TIMES = 10;

const NS = "/api/v1/namespaces/{namespace}";

/** The address of the schedules list. */
export function schedulesPath(namespace: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}/schedules`;
}

/** The address of a schedule's page. */
export function schedulePath(namespace: string, scheduleId: string): string {
  return `${schedulesPath(namespace)}/${encodeURIComponent(scheduleId)}`;
}

/** Every schedule of the namespace (sorted by ID), refreshed live. */
export function useSchedules(namespace: string) {
  return useQuery({
    queryKey: ["schedules", namespace],
    queryFn: async () => dataOr(await api.GET(`${NS}/schedules`, { params: { path: { namespace } } })),
    refetchInterval: SCHEDULE_REFRESH_MS,
  });
}

/** One schedule with its next `next` fire times and recent firings, refreshed every `refreshMs`. */
export function useSchedule(
  namespace: string,
  scheduleId: string,
  next: number = NEXT_FIRE_TIMES,
  refreshMs: number = SCHEDULE_REFRESH_MS,
) {
  return useQuery({
    queryKey: ["schedule", namespace, scheduleId, next],
    queryFn: async () =>
      dataOr(
        await api.GET(`${NS}/schedules/{scheduleId}`, {
          params: { path: { namespace, scheduleId }, query: { next } },
        }),
      ),
    refetchInterval: refreshMs,
  });
}

/** Pauses a schedule: its fire times are recorded as skipped, with the note, until unpaused. */
export async function pauseSchedule(namespace: string, scheduleId: string, note: string): Promise<void> {
  dataOr(
    await api.POST(`${NS}/schedules/{scheduleId}/pause`, {
      params: { path: { namespace, scheduleId } },
      body: { note },
    }),
  );
}

/** Unpauses a schedule, with an optional note. */
export async function unpauseSchedule(namespace: string, scheduleId: string, note: string): Promise<void> {
  dataOr(
    await api.POST(`${NS}/schedules/{scheduleId}/unpause`, {
      params: { path: { namespace, scheduleId } },
      body: note === "" ? {} : { note },
    }),
  );
}

/** Fires a schedule now (its nominal time is the trigger time). */
export async function triggerSchedule(namespace: string, scheduleId: string): Promise<void> {
  dataOr(await api.POST(`${NS}/schedules/{scheduleId}/trigger`, { params: { path: { namespace, scheduleId } } }));
}

/** Fires a schedule at each of its fire times in `(from, to]` (RFC 3339), optionally with an overlap policy. */
export async function backfillSchedule(
  namespace: string,
  scheduleId: string,
  range: { from: string; to: string; overlapPolicy?: OverlapPolicy },
): Promise<void> {
  dataOr(
    await api.POST(`${NS}/schedules/{scheduleId}/backfill`, {
      params: { path: { namespace, scheduleId } },
      body: range,
    }),
  );
}

/** Deletes a schedule (its firings' runs stay). */
export async function deleteSchedule(namespace: string, scheduleId: string): Promise<void> {
  const answer = await api.DELETE(`${NS}/schedules/{scheduleId}`, { params: { path: { namespace, scheduleId } } });
  if (answer.error !== undefined || !answer.response.ok) dataOr(answer);
}

/** When a schedule fires, in words: `cron 0 1 * * * in UTC`, `every 1 h (offset 5 min) in UTC`. */
export function specText(spec: ScheduleSpec): string {
  const zone = spec.timeZone ?? "UTC";
  if (spec.cron !== undefined) return `cron ${spec.cron} in ${zone}`;
  if (spec.interval !== undefined) {
    const offset = spec.offset !== undefined && !/^PT?0S?$/.test(spec.offset) ? ` (offset ${durationText(spec.offset)})` : "";
    return `every ${durationText(spec.interval)}${offset} in ${zone}`;
  }
  return `in ${zone}`;
}

/** An action's kind in words. */
export const ACTION_KIND: Record<ScheduleAction["type"], string> = {
  startWorkflow: "start workflow",
  signalWorkflow: "signal workflow",
  materialize: "materialize",
};

/**
 * What an action targets, in words: `OrderWorkflow on orders`, `approve to approval-1`,
 * `trades/*, the partition before the fire time`.
 */
export function actionTarget(action: ScheduleAction): string {
  switch (action.type) {
    case "startWorkflow":
      return `${action.workflowType} on ${action.taskQueue}`;
    case "signalWorkflow":
      return `${action.signalName} to ${action.workflowId}`;
    case "materialize":
      if (action.partitionFromFireTime === true) return `${action.selection}, the partition before the fire time`;
      if (action.partitionKey !== undefined) return `${action.selection}, partition ${action.partitionKey}`;
      return action.selection;
  }
}

/**
 * A `datetime-local` value (`2026-12-05T01:00`, read as UTC) as the API's RFC 3339 time, or null
 * when it is not one.
 */
export function utcInstant(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const iso = `${local.length === 16 ? `${local}:00` : local}Z`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}
