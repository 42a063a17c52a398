import { useInfiniteQuery, useQueries } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import { STATUSES, withStatus } from "./filterQuery";

/** Runs per page of the list. */
export const PAGE_SIZE = 100;
/** The list refreshes this often while the page is visible. */
export const LIST_REFRESH_MS = 2000;
/** The status counts refresh this often (each is a count over the store). */
export const COUNT_REFRESH_MS = 5000;

/**
 * The runs a filter matches, newest first, a page at a time (`nextPageToken`; no total). Refreshed
 * every 2 s while the tab is visible; with many pages loaded, less often.
 */
export function useRuns(namespace: string, query: string) {
  return useInfiniteQuery({
    queryKey: ["workflows", namespace, query],
    queryFn: async ({ pageParam }) =>
      dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/workflows", {
          params: {
            path: { namespace },
            query: {
              pageSize: PAGE_SIZE,
              ...(query !== "" ? { query } : {}),
              ...(pageParam !== undefined ? { nextPageToken: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
    refetchInterval: (q) => ((q.state.data?.pages.length ?? 0) <= 5 ? LIST_REFRESH_MS : 5 * LIST_REFRESH_MS),
  });
}

/** One count per status, `(filter) AND ExecutionStatus = 'X'` (the API has no grouped count). */
export function useStatusCounts(namespace: string, query: string) {
  return useQueries({
    queries: STATUSES.map((status) => ({
      queryKey: ["workflow-count", namespace, withStatus(query, status)],
      queryFn: async () =>
        dataOr(
          await api.GET("/api/v1/namespaces/{namespace}/workflow-count", {
            params: { path: { namespace }, query: { query: withStatus(query, status) } },
          }),
        ).count,
      refetchInterval: COUNT_REFRESH_MS,
    })),
  });
}
