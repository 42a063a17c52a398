import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

/** A backfill: status, what it covers and its progress. */
export type Backfill = components["schemas"]["Backfill"];
/** A backfill's status. */
export type BackfillStatus = Backfill["status"];
/** What a launch asks for. */
/** A backfill request without its dry-run switch: counting and launching set it. */
export type BackfillRequest = Omit<components["schemas"]["BackfillRequest"], "dryRun">;
/** A dry run's count of partitions and runs per asset. */
export type BackfillDryRun = components["schemas"]["BackfillDryRun"];
/** A failed key range of a backfill with its error. */
export type BackfillFailedRange = components["schemas"]["BackfillFailedRange"];
/** How many of a backfill's partitions are in each state. */
export type BackfillCounts = components["schemas"]["BackfillCounts"];

/** Every backfill status, in the order the filter lists them. */
export const BACKFILL_STATUSES: readonly BackfillStatus[] = [
  "REQUESTED",
  "RUNNING",
  "PAUSED",
  "CANCELING",
  "CANCELED",
  "COMPLETED",
  "FAILED",
];

/** The statuses of a backfill that has not ended. */
export const ACTIVE_STATUSES: readonly BackfillStatus[] = ["REQUESTED", "RUNNING", "PAUSED", "CANCELING"];

/** The progress states, in the order the bars stack them. */
export const PROGRESS_ORDER = ["MATERIALIZED", "FAILED", "IN_PROGRESS", "SKIPPED", "PENDING"] as const;
/** A progress state. */
export type ProgressState = (typeof PROGRESS_ORDER)[number];

/** Progress states in words. */
export const PROGRESS_LABEL: Record<ProgressState, string> = {
  MATERIALIZED: "materialized",
  FAILED: "failed",
  IN_PROGRESS: "in progress",
  SKIPPED: "skipped",
  PENDING: "pending",
};

/** The lists and pages refresh this often while a backfill has not ended. */
export const BACKFILL_REFRESH_MS = 2000;
/** Backfills per page of the list. */
export const BACKFILLS_PAGE_SIZE = 20;
/** Failed ranges per page. */
export const FAILED_PAGE_SIZE = 50;

const NS = "/api/v1/namespaces/{namespace}";

/** Whether a backfill has not ended (so its page keeps refreshing). */
export function isActive(status: BackfillStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** The address of the backfills list. */
export function backfillsPath(namespace: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}/backfills`;
}

/** The address of a backfill's page. */
export function backfillPath(namespace: string, backfillId: string): string {
  return `${backfillsPath(namespace)}/${encodeURIComponent(backfillId)}`;
}

/** The address of the launcher, prefilled with a selection and a key range or keys. */
export function backfillLauncherPath(
  namespace: string,
  prefill: { selection?: string; from?: string; to?: string; keys?: string[] } = {},
): string {
  const params = new URLSearchParams();
  if (prefill.selection !== undefined) params.set("selection", prefill.selection);
  if (prefill.from !== undefined) params.set("from", prefill.from);
  if (prefill.to !== undefined) params.set("to", prefill.to);
  if (prefill.keys !== undefined && prefill.keys.length > 0) params.set("keys", prefill.keys.join(","));
  const q = params.toString();
  return `${backfillsPath(namespace)}/new${q === "" ? "" : `?${q}`}`;
}

/** The backfills, newest first, optionally of one status, paged; live while any has not ended. */
export function useBackfills(namespace: string, status: BackfillStatus | null) {
  return useInfiniteQuery({
    queryKey: ["backfills", namespace, status],
    queryFn: async ({ pageParam }) =>
      dataOr(
        await api.GET(`${NS}/backfills`, {
          params: {
            path: { namespace },
            query: {
              pageSize: BACKFILLS_PAGE_SIZE,
              ...(status !== null ? { status } : {}),
              ...(pageParam !== undefined ? { pageToken: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.backfills.some((b) => isActive(b.status))) ? BACKFILL_REFRESH_MS : false,
  });
}

/** One backfill, refreshed while it has not ended. */
export function useBackfill(namespace: string, backfillId: string) {
  return useQuery({
    queryKey: ["backfill", namespace, backfillId],
    queryFn: async () =>
      dataOr(await api.GET(`${NS}/backfills/{backfillId}`, { params: { path: { namespace, backfillId } } })),
    refetchInterval: (q) => (q.state.data === undefined || isActive(q.state.data.status) ? BACKFILL_REFRESH_MS : false),
  });
}

/** A backfill's failed ranges with their errors, a page at a time; the first page live while it runs. */
export function useBackfillFailed(namespace: string, backfillId: string, live: boolean) {
  return useInfiniteQuery({
    queryKey: ["backfill-failed", namespace, backfillId],
    queryFn: async ({ pageParam }) =>
      dataOr(
        await api.GET(`${NS}/backfills/{backfillId}/failed`, {
          params: {
            path: { namespace, backfillId },
            query: { pageSize: FAILED_PAGE_SIZE, ...(pageParam !== undefined ? { pageToken: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
    refetchInterval: (q) => (live && (q.state.data?.pages.length ?? 0) <= 1 ? BACKFILL_REFRESH_MS : false),
  });
}

/** Counts a backfill without starting it (a dry run). */
export async function countBackfill(namespace: string, request: BackfillRequest): Promise<BackfillDryRun> {
  const answer = dataOr(
    await api.POST(`${NS}/backfills`, { params: { path: { namespace } }, body: { ...request, dryRun: true } }),
  );
  if (!("dryRun" in answer)) throw new Error("the server started a backfill instead of counting it");
  return answer;
}

/** Launches a backfill. */
export async function launchBackfill(namespace: string, request: BackfillRequest): Promise<Backfill> {
  const answer = dataOr(
    await api.POST(`${NS}/backfills`, { params: { path: { namespace } }, body: { ...request, dryRun: false } }),
  );
  if (!("backfillId" in answer)) throw new Error("the server answered a dry run instead of launching the backfill");
  return answer;
}

/** An action on a backfill: pause, resume, cancel (each answers it) or retry its failed partitions (a new one). */
export type BackfillAction = "pause" | "resume" | "cancel" | "retry-failed";

/** Runs an action on a backfill; answers the backfill (the new one for `retry-failed`). */
export async function actOnBackfill(namespace: string, backfillId: string, action: BackfillAction): Promise<Backfill> {
  const params = { params: { path: { namespace, backfillId } } };
  switch (action) {
    case "pause":
      return dataOr(await api.POST(`${NS}/backfills/{backfillId}/pause`, params));
    case "resume":
      return dataOr(await api.POST(`${NS}/backfills/{backfillId}/resume`, params));
    case "cancel":
      return dataOr(await api.POST(`${NS}/backfills/{backfillId}/cancel`, params));
    case "retry-failed":
      return dataOr(await api.POST(`${NS}/backfills/{backfillId}/retry-failed`, params));
  }
}

/** A backfill's partitions in words: `from 2024-01-01 to 2024-12-31` or `3 keys: a, b, c`. */
export function partitionsText(p: Backfill["partitions"]): string {
  if ("keys" in p && p.keys !== undefined) {
    const shown = p.keys.slice(0, 5).join(", ");
    return `${p.keys.length} ${p.keys.length === 1 ? "key" : "keys"}: ${shown}${p.keys.length > 5 ? ", …" : ""}`;
  }
  if ("from" in p) return `from ${p.from} to ${p.to}`;
  return "";
}

/** Seconds in words: `45 s`, `12 min 5 s`, `3 h 20 min`. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const h = Math.floor(s / 3600);
  return `${h} h ${Math.floor((s % 3600) / 60)} min`;
}
