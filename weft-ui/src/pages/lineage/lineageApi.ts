import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

export type MaterializeStarted = components["schemas"]["AssetsMaterializeResponse"];

/** How often the graph's statuses refresh (a materialization running: faster). */
export const GRAPH_REFRESH_MS = 5000;
export const GRAPH_REFRESH_RUNNING_MS = 1000;

/** The namespace's lineage graph (nodes with their status, edges), refreshed while the page shows. */
export function useAssetGraph(namespace: string, fast: boolean) {
  return useQuery({
    queryKey: ["asset-graph", namespace],
    queryFn: async () =>
      dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/asset-graph", { params: { path: { namespace } } }),
      ),
    refetchInterval: fast ? GRAPH_REFRESH_RUNNING_MS : GRAPH_REFRESH_MS,
  });
}

/** Starts materializing a selection; resolves to the started workflow and the planned keys. */
export async function materialize(namespace: string, selection: string): Promise<MaterializeStarted> {
  return dataOr(
    await api.POST("/api/v1/namespaces/{namespace}/asset-materializations", {
      params: { path: { namespace } },
      body: { selection },
    }),
  );
}

/** The status of a materialization's workflow, polled while it runs (null until known). */
export function useMaterializationStatus(namespace: string, started: MaterializeStarted | null) {
  return useQuery({
    queryKey: ["materialization", namespace, started?.workflowId, started?.runId],
    enabled: started !== null,
    queryFn: async () => {
      const s = started as MaterializeStarted;
      const run = dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/workflows/{workflowId}", {
          params: { path: { namespace, workflowId: s.workflowId }, query: { runId: s.runId } },
        }),
      );
      return run.status;
    },
    refetchInterval: (q) => (q.state.data === undefined || q.state.data === "RUNNING" ? 1000 : false),
  });
}
