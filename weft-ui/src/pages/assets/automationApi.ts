import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";
import { ASSET_REFRESH_MS } from "./assetsApi";

/** An asset's automation condition and a page of its evaluations. */
export type AutomationPage = components["schemas"]["AutomationPage"];
/** One evaluation of an automation condition. */
export type AutomationEvaluation = components["schemas"]["AutomationEvaluation"];

/** Evaluations per page. */
export const AUTOMATION_PAGE_SIZE = 20;

/** An asset's automation condition and its evaluations, newest first, paged; the first page live. */
export function useAutomation(namespace: string, key: string) {
  return useInfiniteQuery({
    queryKey: ["asset-automation", namespace, key],
    queryFn: async ({ pageParam }) =>
      dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/assets/{assetKey}/automation", {
          params: {
            path: { namespace, assetKey: key },
            query: { pageSize: AUTOMATION_PAGE_SIZE, ...(pageParam !== undefined ? { pageToken: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
    refetchInterval: (q) => ((q.state.data?.pages.length ?? 0) <= 1 ? ASSET_REFRESH_MS : false),
  });
}
