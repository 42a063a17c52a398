import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

export type TaskQueue = components["schemas"]["TaskQueuesDescription"];

/** The operations pages refresh this often while visible. */
export const OPS_REFRESH_MS = 2000;

/** Every task queue of the namespace with its backlog and pollers, live. */
export function useTaskQueues(namespace: string) {
  return useQuery({
    queryKey: ["task-queues", namespace],
    queryFn: async () =>
      dataOr(await api.GET("/api/v1/namespaces/{namespace}/task-queues", { params: { path: { namespace } } }))
        .taskQueues,
    refetchInterval: OPS_REFRESH_MS,
  });
}

/** One task queue, live. */
export function useTaskQueue(namespace: string, taskQueue: string) {
  return useQuery({
    queryKey: ["task-queue", namespace, taskQueue],
    queryFn: async () =>
      dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/task-queues/{taskQueue}", {
          params: { path: { namespace, taskQueue } },
        }),
      ),
    refetchInterval: OPS_REFRESH_MS,
  });
}

/** Pauses a queue: its tasks wait until it is resumed (the reason is shown to operators). */
export async function pauseTaskQueue(namespace: string, taskQueue: string, reason: string): Promise<TaskQueue> {
  return dataOr(
    await api.POST("/api/v1/namespaces/{namespace}/task-queues/{taskQueue}/pause", {
      params: { path: { namespace, taskQueue } },
      body: reason.trim() === "" ? {} : { reason: reason.trim() },
    }),
  );
}

/** Resumes a paused queue. */
export async function resumeTaskQueue(namespace: string, taskQueue: string): Promise<TaskQueue> {
  return dataOr(
    await api.POST("/api/v1/namespaces/{namespace}/task-queues/{taskQueue}/resume", {
      params: { path: { namespace, taskQueue } },
    }),
  );
}
