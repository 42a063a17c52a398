import { useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";
import { bucketsFor, type PartitionStatus } from "./partitionBarModel";

/** A partitioned asset's definition, counts per status, and first and last key. */
export type PartitionSummary = components["schemas"]["PartitionSummary"];
/** The status bar's buckets over a key range. */
export type PartitionBar = components["schemas"]["PartitionBar"];
/** A run of consecutive partitions in one status. */
export type PartitionRange = components["schemas"]["PartitionRange"];
/** One partition's status. */
export type PartitionKeyStatus = components["schemas"]["PartitionKeyStatus"];
/** What an invalidation asks for. */
export type InvalidateRequest = components["schemas"]["InvalidateRequest"];
/** What an invalidation made stale, per asset, and the materialization it started. */
export type InvalidateResult = components["schemas"]["InvalidateResult"];

/** A key range of the bar (`to` inclusive). */
export interface KeyRange {
  from: string;
  to: string;
}

/** The partitions section refreshes this often (a backfill may be filling it in). */
export const PARTITIONS_REFRESH_MS = 5000;
/** Ranges per page of the list by status. */
export const RANGES_PAGE_SIZE = 50;

const NS = "/api/v1/namespaces/{namespace}";

/**
 * The `partitions` entry of an asset's definition JSON (the definition's description), or null
 * for an unpartitioned asset. The catalog keeps the definition as the hosting node wrote it, so
 * the entry is read loosely rather than through the generated type.
 */
export function partitionsOf(definition: unknown): Record<string, unknown> | null {
  if (typeof definition !== "object" || definition === null) return null;
  const p = (definition as Record<string, unknown>).partitions;
  return typeof p === "object" && p !== null ? (p as Record<string, unknown>) : null;
}

/** The asset's partitions summary, refreshed live. */
export function usePartitionSummary(namespace: string, key: string, enabled: boolean) {
  return useQuery({
    queryKey: ["partitions", namespace, key],
    queryFn: async () =>
      dataOr(
        await api.GET(`${NS}/assets/{assetKey}/partitions`, { params: { path: { namespace, assetKey: key } } }),
      ),
    enabled,
    refetchInterval: PARTITIONS_REFRESH_MS,
  });
}

/** The bar's buckets over `range` (null: the whole range): the query the bar and its early request share. */
function barQuery(namespace: string, key: string, buckets: number, range: KeyRange | null) {
  return {
    queryKey: ["partitions-bar", namespace, key, buckets, range?.from ?? null, range?.to ?? null],
    queryFn: async () =>
      dataOr(
        await api.GET(`${NS}/assets/{assetKey}/partitions/bar`, {
          params: {
            path: { namespace, assetKey: key },
            query: { buckets, ...(range !== null ? { from: range.from, to: range.to } : {}) },
          },
        }),
      ),
  };
}

/**
 * The bar's buckets over `range` (null: the whole range). While a zoom loads, the previous bar stays;
 * while the whole range loads, a whole-range bar of another bucket count from the cache stands in
 * (the early request's, when the bar turned out narrower than the window: see {@link startPartitionBar}).
 */
export function usePartitionBar(namespace: string, key: string, buckets: number, range: KeyRange | null, enabled: boolean) {
  const client = useQueryClient();
  return useQuery({
    ...barQuery(namespace, key, buckets, range),
    enabled,
    placeholderData: (previous) =>
      previous ?? (enabled && range === null ? cachedWholeBar(client, namespace, key) : undefined),
    // an answer is as good as the refresh period: the bar mounting after the early request's answer
    // (or a zoom coming back to a range) does not ask again
    staleTime: PARTITIONS_REFRESH_MS,
    refetchInterval: PARTITIONS_REFRESH_MS,
  });
}

/** Any whole-range bar of the asset in the cache, whatever its bucket count. */
function cachedWholeBar(client: QueryClient, namespace: string, key: string): PartitionBar | undefined {
  for (const [queryKey, data] of client.getQueriesData<PartitionBar>({ queryKey: ["partitions-bar", namespace, key] })) {
    if (data !== undefined && queryKey[4] === null && queryKey[5] === null) return data;
  }
  return undefined;
}

/**
 * How many buckets the bar will ask for, known before the page is laid out: one per device pixel
 * of the window, at most 1000. The bar, narrower than the window, asks for one per device pixel of
 * itself: the same 1000 whenever it is at least 1000 device pixels wide.
 */
export function earlyBarBuckets(): number {
  return bucketsFor(globalThis.innerWidth || 0, globalThis.devicePixelRatio || 1);
}

/**
 * Starts the request of the asset's whole-range status bar when `definition` is partitioned and the
 * cache has no such bar yet: called with the asset's first answer, before the page renders it, so
 * the bar's request goes ahead of the requests of the page's other sections instead of waiting for
 * the page to be laid out. The bar finds the answer in the cache (see {@link earlyBarBuckets}).
 */
export function startPartitionBar(client: QueryClient, namespace: string, key: string, definition: unknown): void {
  if (partitionsOf(definition) === null) return;
  const query = barQuery(namespace, key, earlyBarBuckets(), null);
  if (client.getQueryData(query.queryKey) !== undefined) return;
  void client.prefetchQuery(query);
}

/** The ranges of one status, in key order, a page at a time. */
export function usePartitionRanges(namespace: string, key: string, status: PartitionStatus, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["partitions-ranges", namespace, key, status],
    queryFn: async ({ pageParam }) =>
      dataOr(
        await api.GET(`${NS}/assets/{assetKey}/partitions/ranges`, {
          params: {
            path: { namespace, assetKey: key },
            query: { status, pageSize: RANGES_PAGE_SIZE, ...(pageParam !== undefined ? { pageToken: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
    enabled,
  });
}

/** One partition's status (not fetched until a key is given). */
export function usePartitionStatus(namespace: string, key: string, partition: string) {
  return useQuery({
    queryKey: ["partitions-status", namespace, key, partition],
    queryFn: async () =>
      dataOr(
        await api.GET(`${NS}/assets/{assetKey}/partitions/status`, {
          params: { path: { namespace, assetKey: key }, query: { key: partition } },
        }),
      ),
    enabled: partition !== "",
    retry: false,
  });
}

/** Invalidates partitions of the asset (and, by cascade, of its downstream assets). */
export async function invalidatePartitions(
  namespace: string,
  key: string,
  body: InvalidateRequest,
): Promise<InvalidateResult> {
  return dataOr(
    await api.POST(`${NS}/assets/{assetKey}/partitions/invalidate`, {
      params: { path: { namespace, assetKey: key } },
      body,
    }),
  );
}
