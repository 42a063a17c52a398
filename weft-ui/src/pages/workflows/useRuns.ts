import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import { STATUSES, splitOrderBy, type WorkflowStatus } from "./filterQuery";

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

/**
 * How many runs of the filter are in each status: one grouped count (`groupBy=ExecutionStatus`)
 * over the filter without its ORDER BY; a status without runs is 0. `total` is every run the
 * filter matches (what a bulk action over the filter would select).
 */
export function useStatusCounts(namespace: string, query: string) {
  const { where } = splitOrderBy(query);
  return useQuery({
    queryKey: ["workflow-count", namespace, where, "ExecutionStatus"],
    queryFn: async () => {
      const answer = dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/workflow-count", {
          params: { path: { namespace }, query: { ...(where !== "" ? { query: where } : {}), groupBy: "ExecutionStatus" } },
        }),
      );
      const counts = new Map<WorkflowStatus, number>(STATUSES.map((s) => [s, 0]));
      for (const g of answer.groups ?? []) counts.set(g.value, g.count);
      return { total: answer.count, byStatus: counts };
    },
    refetchInterval: COUNT_REFRESH_MS,
  });
}
