import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

export type AttentionRun = components["schemas"]["AttentionRun"];
export type AttentionReason = components["schemas"]["AttentionReason"];

/** Runs per page of the attention list. */
export const ATTENTION_PAGE_SIZE = 50;
/** The section refreshes this often (one indexed read per loaded page). */
export const ATTENTION_REFRESH_MS = 10_000;

/**
 * The running runs that need attention (`GET .../attention`: failing workflow task, retrying or
 * stalled activities, stalled workflow task), newest first, a page at a time.
 */
export function useRunsNeedingAttention(namespace: string) {
  return useInfiniteQuery({
    queryKey: ["attention", namespace],
    queryFn: async ({ pageParam }) =>
      dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/attention", {
          params: {
            path: { namespace },
            query: {
              pageSize: ATTENTION_PAGE_SIZE,
              ...(pageParam !== undefined ? { nextPageToken: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
    refetchInterval: ATTENTION_REFRESH_MS,
  });
}

/** One reason as a line, e.g. `charge (seq 4) retrying, attempt 4: card declined`. */
export function reasonText(r: AttentionReason): string {
  const what =
    r.kind === "WORKFLOW_TASK_FAILING"
      ? "workflow task failing"
      : r.kind === "WORKFLOW_TASK_STALLED"
        ? "workflow task stalled"
        : `${r.activityType ?? "activity"} (seq ${r.activitySeq ?? "?"}) ${r.kind === "ACTIVITY_RETRYING" ? "retrying" : "stalled"}`;
  return `${what}, attempt ${r.attempt}${r.message !== undefined ? `: ${r.message}` : ""}`;
}
