import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

export type Batch = components["schemas"]["BatchDescription"];
export type BatchStart = components["schemas"]["BatchStartRequest"];
export type BatchOperationType = components["schemas"]["BatchOperationType"];

/** A running batch's page refreshes this often. */
export const BATCH_REFRESH_MS = 1000;

/** Starts a batch operation over a filter; resolves to its job ID. */
export async function startBatch(namespace: string, request: BatchStart): Promise<string> {
  return dataOr(
    await api.POST("/api/v1/namespaces/{namespace}/batch-operations", { params: { path: { namespace } }, body: request }),
  ).jobId;
}

/** One batch operation, refreshed every second while it runs. */
export function useBatch(namespace: string, jobId: string) {
  return useQuery({
    queryKey: ["batch", namespace, jobId],
    queryFn: async () =>
      dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/batch-operations/{jobId}", {
          params: { path: { namespace, jobId } },
        }),
      ),
    refetchInterval: (q) => (q.state.data === undefined || q.state.data.state === "RUNNING" ? BATCH_REFRESH_MS : false),
  });
}

/** The namespace's recent batch operations, newest first. */
export function useBatches(namespace: string) {
  return useQuery({
    queryKey: ["batches", namespace],
    queryFn: async () =>
      dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/batch-operations", {
          params: { path: { namespace }, query: { limit: 50 } },
        }),
      ),
    refetchInterval: 2000,
  });
}

/** Stops a running batch (runs already done stay done). */
export async function stopBatch(namespace: string, jobId: string, reason: string): Promise<void> {
  dataOr(
    await api.POST("/api/v1/namespaces/{namespace}/batch-operations/{jobId}/stop", {
      params: { path: { namespace, jobId } },
      body: { reason: reason.trim() },
    }),
  );
}
