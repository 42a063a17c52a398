import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";
import type { PartitionStatus } from "./partitionBarModel";

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

/** The bar's buckets over `range` (null: the whole range), keeping the previous bar while a zoom loads. */
export function usePartitionBar(namespace: string, key: string, buckets: number, range: KeyRange | null, enabled: boolean) {
  return useQuery({
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
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: PARTITIONS_REFRESH_MS,
  });
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
