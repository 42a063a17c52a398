import { json, problem } from "../../testing/fakeServer";
import type { HookDescription } from "./hooksApi";

const NS = "/api/v1/namespaces/default";
export const HOOKS = `${NS}/hooks`;

/** The example hook: signals `approve` to the workflow the body names; three deliveries. */
export const approve: HookDescription = {
  name: "approve",
  namespace: "default",
  source: "examples",
  secretEnv: "WEFT_EXAMPLE_HOOK_SECRET",
  action: {
    type: "signal",
    workflowId: { pointer: "/workflowId" },
    signalName: "approve",
    args: [{ pointer: "/approver" }, { constant: "via webhook" }],
  } as HookDescription["action"],
  updatedAt: "2026-12-06T09:00:00Z",
  recentDeliveries: [
    { deliveryId: "__weft_hook:approve:k-3", runId: "r-3", status: "RUNNING", startTime: "2026-12-06T10:03:00Z" },
    {
      deliveryId: "__weft_hook:approve:k-2",
      runId: "r-2",
      status: "FAILED",
      startTime: "2026-12-06T10:02:00Z",
      closeTime: "2026-12-06T10:02:01Z",
    },
    {
      deliveryId: "__weft_hook:approve:k-1",
      runId: "r-1",
      status: "COMPLETED",
      startTime: "2026-12-06T10:01:00Z",
      closeTime: "2026-12-06T10:01:01Z",
    },
  ],
};

/** A hook that starts a workflow, with no delivery yet. */
export const orders: HookDescription = {
  name: "new-order",
  namespace: "default",
  source: "shop",
  secretEnv: "ORDER_HOOK_SECRET",
  action: {
    type: "start",
    workflowType: "Order",
    taskQueue: "orders",
    args: [{ pointer: "/order/id" }],
  } as HookDescription["action"],
  updatedAt: "2026-12-06T08:00:00Z",
  recentDeliveries: [],
};

function definition(h: HookDescription) {
  const { recentDeliveries: _, ...rest } = h;
  return rest;
}

/** The hook routes over `hooks`, and the results of the delivery runs (k-1 signaled, k-2 failed). */
export function hookRoutes(hooks: HookDescription[] = [approve, orders]) {
  return (url: URL): Response | null => {
    const p = url.pathname;
    if (p === HOOKS) return json({ hooks: hooks.map(definition) });
    const m = /^\/api\/v1\/namespaces\/default\/hooks\/([^/]+)$/.exec(p);
    if (m !== null) {
      const name = decodeURIComponent(m[1] ?? "");
      const h = hooks.find((x) => x.name === name);
      return h === undefined
        ? problem(404, "hook-not-found", "Hook not found", `namespace 'default' has no hook '${name}'`)
        : json(h);
    }
    if (p === `${NS}/workflows/${encodeURIComponent("__weft_hook:approve:k-1")}/result`) {
      return json({
        workflowId: "__weft_hook:approve:k-1",
        status: "COMPLETED",
        result: { outcome: "SIGNALED", workflowId: "approval-7", runId: null },
      });
    }
    if (p === `${NS}/workflows/${encodeURIComponent("__weft_hook:approve:k-2")}/result`) {
      return json({
        workflowId: "__weft_hook:approve:k-2",
        status: "FAILED",
        runId: "r-2",
        failure: {
          kind: "ACTIVITY",
          type: "trigger",
          message: "activity trigger failed",
          nonRetryable: true,
          cause: { kind: "APPLICATION", message: "workflow approval-9 not found", nonRetryable: true },
        },
      });
    }
    return null;
  };
}
