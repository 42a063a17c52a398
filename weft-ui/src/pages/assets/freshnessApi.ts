import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

/** An asset's freshness policy and state, as the API writes it. */
export type FreshnessStatus = components["schemas"]["FreshnessStatus"];
/** A freshness policy. */
export type FreshnessPolicy = components["schemas"]["FreshnessPolicy"];
/** One violation of a freshness policy. */
export type FreshnessViolation = components["schemas"]["FreshnessViolation"];

/** Violations per page of an asset's freshness section. */
export const VIOLATIONS_PAGE_SIZE = 10;
/** The freshness section refreshes this often. */
export const FRESHNESS_REFRESH_MS = 3000;

const NS = "/api/v1/namespaces/{namespace}";

/** An asset's freshness policy and whether it meets it now, refreshed live. */
export function useFreshness(namespace: string, key: string) {
  return useQuery({
    queryKey: ["asset-freshness", namespace, key],
    queryFn: async () =>
      dataOr(
        await api.GET(`${NS}/assets/{assetKey}/freshness`, { params: { path: { namespace, assetKey: key } } }),
      ),
    refetchInterval: FRESHNESS_REFRESH_MS,
  });
}

/** An asset's violations, newest first, a page at a time; the first page refreshes live. */
export function useFreshnessViolations(namespace: string, key: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["asset-freshness-violations", namespace, key],
    queryFn: async ({ pageParam }) =>
      dataOr(
        await api.GET(`${NS}/assets/{assetKey}/freshness/violations`, {
          params: {
            path: { namespace, assetKey: key },
            query: {
              pageSize: VIOLATIONS_PAGE_SIZE,
              ...(pageParam !== undefined ? { pageToken: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
    enabled,
    refetchInterval: (q) => ((q.state.data?.pages.length ?? 0) <= 1 ? FRESHNESS_REFRESH_MS : false),
  });
}

/** The policy in words, e.g. "at most 1 h behind". */
export function policyText(policy: FreshnessPolicy): string {
  if (policy.kind === "MAX_LAG") return `Latest materialization at most ${policy.maxLag ?? "?"} old`;
  return `Each time partition by ${policy.deadline ?? "?"} after its window ends`;
}
