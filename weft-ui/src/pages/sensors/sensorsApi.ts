import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";
import { durationText } from "../../components/isoDuration";

/** A sensor as the list shows it: status, cursor, interval, next evaluation, last error. */
export type SensorSummary = components["schemas"]["SensorSummary"];
/** A sensor with its recent evaluations (oldest first, at most 50). */
export type SensorDescription = components["schemas"]["SensorDescription"];
/** One recorded evaluation. */
export type SensorEvaluation = components["schemas"]["SensorEvaluation"];
/** One run request of an evaluation, with what came of it. */
export type SensorRequest = components["schemas"]["SensorRequest"];
/** RUNNING, PAUSED or FAILING. */
export type SensorStatus = SensorSummary["status"];

/** The list and a sensor's page refresh this often (a sensor may evaluate every second). */
export const SENSOR_REFRESH_MS = 3000;

const NS = "/api/v1/namespaces/{namespace}";

/** The address of the sensors list. */
export function sensorsPath(namespace: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}/sensors`;
}

/** The address of a sensor's page. */
export function sensorPath(namespace: string, name: string): string {
  return `${sensorsPath(namespace)}/${encodeURIComponent(name)}`;
}

/** The sensors of the namespace, by name, refreshed every few seconds. */
export function useSensors(namespace: string) {
  return useQuery({
    queryKey: ["sensors", namespace],
    queryFn: async () => dataOr(await api.GET(`${NS}/sensors`, { params: { path: { namespace } } })),
    refetchInterval: SENSOR_REFRESH_MS,
  });
}

/** One sensor with its recent evaluations, refreshed every few seconds. */
export function useSensor(namespace: string, name: string) {
  return useQuery({
    queryKey: ["sensor", namespace, name],
    queryFn: async () =>
      dataOr(await api.GET(`${NS}/sensors/{name}`, { params: { path: { namespace, name } } })),
    refetchInterval: SENSOR_REFRESH_MS,
  });
}

/** Pauses a sensor with a note (a signal: applied by the sensor right after the answer). */
export async function pauseSensor(namespace: string, name: string, note: string): Promise<void> {
  dataOr(await api.POST(`${NS}/sensors/{name}/pause`, { params: { path: { namespace, name } }, body: { note } }));
}

/** Unpauses a sensor: it evaluates again one interval later. */
export async function unpauseSensor(namespace: string, name: string): Promise<void> {
  dataOr(await api.POST(`${NS}/sensors/{name}/unpause`, { params: { path: { namespace, name } } }));
}

/** Sets the cursor the sensor's next evaluation is given; `null` resets it (the sensor starts over). */
export async function setSensorCursor(namespace: string, name: string, cursor: string | null): Promise<void> {
  dataOr(await api.PUT(`${NS}/sensors/{name}/cursor`, { params: { path: { namespace, name } }, body: { cursor } }));
}

/** What an evaluation came to, in words: its error, its skip reason, or its requests' count. */
export function evaluationResult(e: SensorEvaluation): string {
  if (e.error != null) return `error: ${e.error}`;
  if (e.requests.length > 0) return `${e.requests.length} ${e.requests.length === 1 ? "request" : "requests"}`;
  if (e.skipReason != null) return `skipped: ${e.skipReason}`;
  return "no requests";
}

/** A request's outcome in words: started, already started, signaled, or error. */
export function requestOutcome(r: SensorRequest): string {
  switch (r.outcome) {
    case "STARTED":
      return "started";
    case "ALREADY_STARTED":
      return "already started";
    case "SIGNALED":
      return "signaled";
    default:
      return "error";
  }
}

/** An evaluation's duration: milliseconds under a second (`4 ms`), else as other durations (`5 s`). */
export function evaluationDuration(iso: string): string {
  const m = /^PT(\d+(?:\.\d+)?)S$/.exec(iso);
  if (m !== null && Number(m[1]) < 1) return `${Math.round(Number(m[1]) * 1000)} ms`;
  return durationText(iso);
}

/**
 * When a sensor is evaluated, in words: `every 30 s`, or `on market/prices, at most every 30 s`
 * for one that watches assets.
 */
export function triggerText(s: Pick<SensorSummary, "minimumInterval" | "watchedAssets">): string {
  if (s.watchedAssets.length === 0) return `every ${durationText(s.minimumInterval)}`;
  return `on ${s.watchedAssets.join(", ")}, at most every ${durationText(s.minimumInterval)}`;
}
