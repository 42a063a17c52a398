import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

export type Namespace = components["schemas"]["NamespaceDescription"];

/**
 * Every namespace of the store, refreshed every 5 s (they change rarely). The cache entry is the
 * shell's namespace picker's, so a created namespace shows there at once.
 */
export function useNamespaces() {
  return useQuery({
    queryKey: ["namespaces"],
    queryFn: async () => dataOr(await api.GET("/api/v1/namespaces")),
    select: (list) => list.namespaces,
    refetchInterval: 5000,
  });
}

/** Creates a namespace; an empty description or retention is left out (the server's defaults). */
export async function createNamespace(name: string, description: string, retention: string): Promise<Namespace> {
  return dataOr(
    await api.POST("/api/v1/namespaces", {
      body: {
        name: name.trim(),
        ...(description.trim() !== "" ? { description: description.trim() } : {}),
        ...(retention.trim() !== "" ? { retention: retention.trim() } : {}),
      },
    }),
  );
}

/** Changes a namespace's description and retention. */
export async function updateNamespace(name: string, description: string, retention: string): Promise<Namespace> {
  return dataOr(
    await api.PATCH("/api/v1/namespaces/{namespace}", {
      params: { path: { namespace: name } },
      body: { description: description.trim(), retention: retention.trim() },
    }),
  );
}
