import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";

/** A webhook's definition (the secret's environment variable name, never the secret). */
export type Hook = components["schemas"]["Hook"];
/** A webhook with its recent deliveries, newest first. */
export type HookDescription = components["schemas"]["HookDescription"];
/** One recent delivery: the run of `__weft_hook_delivery`. */
export type HookDeliverySummary = components["schemas"]["HookDeliverySummary"];

/** One value of an action: read from the body at a JSON pointer, or a constant. */
export interface HookValue {
  pointer?: string;
  constant?: unknown;
}

/** The action template as the server keeps it (`HookAction`: its fields by type). */
export type HookActionTemplate =
  | { type: "start"; workflowType: string; taskQueue: string; args?: HookValue[] }
  | { type: "signal"; workflowId: HookValue; signalName: string; args?: HookValue[] }
  | { type: "materialize"; selection: string; partitionKey?: HookValue | null };

/** The header that carries a delivery's signature. */
export const SIGNATURE_HEADER = "X-Weft-Signature";

/** The hook pages refresh this often. */
export const HOOK_REFRESH_MS = 3000;

const NS = "/api/v1/namespaces/{namespace}";

/** The address of the hooks list. */
export function hooksPath(namespace: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}/hooks`;
}

/** The address of a hook's page. */
export function hookPath(namespace: string, name: string): string {
  return `${hooksPath(namespace)}/${encodeURIComponent(name)}`;
}

/** The URL a sender POSTs a delivery to, on the server that serves this page. */
export function deliveryUrl(namespace: string, name: string, origin = window.location.origin): string {
  return `${origin}/api/v1/namespaces/${encodeURIComponent(namespace)}/hooks/${encodeURIComponent(name)}`;
}

/** The webhooks of the namespace, by name. */
export function useHooks(namespace: string) {
  return useQuery({
    queryKey: ["hooks", namespace],
    queryFn: async () => dataOr(await api.GET(`${NS}/hooks`, { params: { path: { namespace } } })),
    refetchInterval: HOOK_REFRESH_MS,
  });
}

/** One webhook with its 20 most recent deliveries, refreshed every few seconds. */
export function useHook(namespace: string, name: string) {
  return useQuery({
    queryKey: ["hook", namespace, name],
    queryFn: async () => dataOr(await api.GET(`${NS}/hooks/{name}`, { params: { path: { namespace, name } } })),
    refetchInterval: HOOK_REFRESH_MS,
  });
}

/** What a delivery's run returned: the action's outcome and run (`TriggerResult`). */
export interface DeliveryOutcome {
  outcome: "STARTED" | "ALREADY_STARTED" | "SIGNALED";
  workflowId: string;
  runId?: string | null;
}

/**
 * The outcome of a closed delivery (its run's result, read at once): what its action did, or why it
 * failed. A closed run's outcome never changes, so it is read once.
 */
export function useDeliveryOutcome(namespace: string, d: HookDeliverySummary) {
  const closed = d.status !== "RUNNING";
  return useQuery({
    queryKey: ["hook-delivery", namespace, d.deliveryId, d.runId],
    enabled: closed,
    staleTime: Infinity,
    queryFn: async () => {
      const r = dataOr(
        await api.GET(`${NS}/workflows/{workflowId}/result`, {
          params: { path: { namespace, workflowId: d.deliveryId }, query: { runId: d.runId, wait: "PT0S" } },
        }),
      );
      return {
        action: r.status === "COMPLETED" ? (r.result as DeliveryOutcome | null) : null,
        error: r.failure != null ? failureText(r.failure) : null,
      };
    },
  });
}

type Failure = components["schemas"]["WorkflowFailure"];

/** A failure and its causes in one line: `message: cause's message: ...`. */
function failureText(f: Failure): string {
  const parts: string[] = [];
  for (let c: Failure | undefined = f; c != null; c = c.cause ?? undefined) {
    if (c.message !== "" && !parts.includes(c.message)) parts.push(c.message);
  }
  return parts.join(": ");
}

/** The delivery's `Idempotency-Key`: its ID is `__weft_hook:<hook>:<key>`. */
export function idempotencyKey(hook: string, deliveryId: string): string {
  const prefix = `__weft_hook:${hook}:`;
  return deliveryId.startsWith(prefix) ? deliveryId.slice(prefix.length) : deliveryId;
}

/** A value of the mapping in words: `body /order/id` or the constant as JSON. */
export function valueText(v: HookValue | null | undefined): string {
  if (v == null) return "none";
  if (v.pointer !== undefined) return `body ${v.pointer}`;
  return `constant ${JSON.stringify(v.constant)}`;
}

/** The action's template, read loosely from the definition (an unknown shape shows as its type). */
export function actionOf(h: Hook): HookActionTemplate {
  return h.action as unknown as HookActionTemplate;
}

/** The action in a few words for the list: `signal approve`, `start Order on orders`, `materialize trades/*`. */
export function actionSummary(h: Hook): string {
  const a = actionOf(h);
  switch (a.type) {
    case "start":
      return `start ${a.workflowType} on ${a.taskQueue}`;
    case "signal":
      return `signal ${a.signalName} to ${valueText(a.workflowId)}`;
    case "materialize":
      return `materialize ${a.selection}`;
    default:
      return String((a as { type?: unknown }).type ?? "unknown");
  }
}
