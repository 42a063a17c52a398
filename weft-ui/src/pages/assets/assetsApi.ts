import { useInfiniteQuery, useQuery, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

/** An asset of the catalog, as the API writes it. */
export type AssetSummary = components["schemas"]["AssetsSummary"];
/** An asset's status. */
export type AssetStatus = components["schemas"]["AssetsStatus"];
/** Why an asset is stale. */
export type StaleReason = components["schemas"]["AssetsStaleReason"];
/** An asset's definition, state, neighbours and latest check results. */
export type AssetDetail = components["schemas"]["AssetsDetail"];
/** One materialization (or failure) of an asset's history. */
export type HistoryEntry = components["schemas"]["AssetsHistoryEntry"];
/** The latest result of a check. */
export type CheckResult = components["schemas"]["AssetsCheckResult"];
/** A selection resolved without starting anything. */
export type SelectionPreview = components["schemas"]["AssetsSelectionPreview"];
/** A started materialization. */
export type Materializing = components["schemas"]["AssetsMaterializeResponse"];

/** Every status, in the order the page shows them. */
export const ASSET_STATUSES: readonly AssetStatus[] = ["FRESH", "STALE", "MISSING", "FAILED"];

/** The catalog refreshes this often while the page is visible. */
export const CATALOG_REFRESH_MS = 3000;
/** An asset's page refreshes this often. */
export const ASSET_REFRESH_MS = 3000;
/** Materializations per page of the history. */
export const HISTORY_PAGE_SIZE = 20;

const NS = "/api/v1/namespaces/{namespace}";

/** The address of an asset's page: the key's segments, each encoded, after `/assets/`. */
export function assetPath(namespace: string, key: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}/assets/${key.split("/").map(encodeURIComponent).join("/")}`;
}

/** The address of the materialize launcher, with a selection filled in if given. */
export function launcherPath(namespace: string, selection?: string): string {
  const base = `/namespaces/${encodeURIComponent(namespace)}/assets-materialize`;
  return selection === undefined ? base : `${base}?${new URLSearchParams({ selection })}`;
}

/** The address of a run's page. */
export function runPath(namespace: string, workflowId: string, runId?: string): string {
  const base = `/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return runId === undefined ? base : `${base}?runId=${encodeURIComponent(runId)}`;
}

/** Every asset of the namespace with its status (one read of the catalog), refreshed live. */
export function useAssets(namespace: string) {
  return useQuery({
    queryKey: ["assets", namespace],
    queryFn: async () =>
      dataOr(await api.GET(`${NS}/assets`, { params: { path: { namespace } } })).assets,
    refetchInterval: CATALOG_REFRESH_MS,
  });
}

/**
 * One asset: definition, state, upstream and downstream, latest checks. `onFirstAnswer` runs with
 * the first answer (not the refreshes) before the page renders it, to start at once the requests
 * that depend on the asset (the partition status bar).
 */
export function useAsset(
  namespace: string,
  key: string,
  onFirstAnswer?: (asset: AssetDetail, client: QueryClient) => void,
) {
  return useQuery({
    queryKey: ["asset", namespace, key],
    queryFn: async ({ client, queryKey }) => {
      const first = client.getQueryData(queryKey) === undefined;
      const asset = dataOr(await api.GET(`${NS}/assets/{assetKey}`, { params: { path: { namespace, assetKey: key } } }));
      if (first) onFirstAnswer?.(asset, client);
      return asset;
    },
    refetchInterval: ASSET_REFRESH_MS,
  });
}

/** An asset's materializations, newest first, a page at a time; the first page refreshes live. */
export function useAssetHistory(namespace: string, key: string) {
  return useInfiniteQuery({
    queryKey: ["asset-history", namespace, key],
    queryFn: async ({ pageParam }) =>
      dataOr(
        await api.GET(`${NS}/assets/{assetKey}/history`, {
          params: {
            path: { namespace, assetKey: key },
            query: { pageSize: HISTORY_PAGE_SIZE, ...(pageParam !== undefined ? { pageToken: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken,
    refetchInterval: (q) => ((q.state.data?.pages.length ?? 0) <= 1 ? ASSET_REFRESH_MS : false),
  });
}

/** The assets a selection selects, in dependency order, or the server's problem with it. */
export function useSelectionPreview(namespace: string, selection: string) {
  return useQuery({
    queryKey: ["asset-selection", namespace, selection],
    queryFn: async () =>
      dataOr(await api.GET(`${NS}/asset-selection`, { params: { path: { namespace }, query: { selection } } })),
    enabled: selection !== "",
    retry: false,
  });
}

/** Starts a materialization of `selection`. */
export async function materialize(namespace: string, selection: string): Promise<Materializing> {
  return dataOr(
    await api.POST(`${NS}/asset-materializations`, { params: { path: { namespace } }, body: { selection } }),
  );
}

/** A run's status, polled while it runs (for the link to a started materialization). */
export function useRunStatus(namespace: string, workflowId: string | undefined, runId: string | undefined) {
  return useQuery({
    queryKey: ["asset-run", namespace, workflowId, runId],
    queryFn: async () =>
      dataOr(
        await api.GET(`${NS}/workflows/{workflowId}`, {
          params: { path: { namespace, workflowId: workflowId ?? "" }, query: runId !== undefined ? { runId } : {} },
        }),
      ).status,
    enabled: workflowId !== undefined,
    refetchInterval: (q) => (q.state.data === undefined || q.state.data === "RUNNING" ? 1000 : false),
  });
}

/** The workflow ID of a run (the history names only the run), found with the list's `RunId` filter. */
export function useWorkflowOfRun(namespace: string, runId: string | undefined) {
  return useQuery({
    queryKey: ["run-workflow", namespace, runId],
    queryFn: async () =>
      dataOr(
        await api.GET(`${NS}/workflows`, {
          params: { path: { namespace }, query: { pageSize: 1, query: `RunId = '${runId ?? ""}'` } },
        }),
      ).workflows[0]?.workflowId ?? null,
    enabled: runId !== undefined,
    staleTime: Infinity,
  });
}
