import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";
import type { FetchAfter, FetchPage } from "./historyLoader";

type Schemas = components["schemas"];
export type WorkflowDescription = Schemas["WorkflowDescription"];
export type WorkflowResult = Schemas["WorkflowResult"];
export type WorkflowFailure = Schemas["WorkflowFailure"];

/** The run a page shows: its namespace, workflow ID and (once known) run ID. */
export interface RunKey {
  namespace: string;
  workflowId: string;
  runId?: string;
}

/**
 * What the run page asks of the server, one method per route; every refusal rejects with a
 * `ProblemError` carrying the server's problem document. Tests pass a fake.
 */
export interface RunApi {
  describe(): Promise<WorkflowDescription>;
  historyPage: FetchPage;
  /** The events after an event ID; with `wait`, a long poll of at most LONG_POLL_WAIT. */
  historyAfter: FetchAfter;
  /** The run's outcome now (no wait): RUNNING while it is open. */
  result(): Promise<WorkflowResult>;
  signal(name: string, args: unknown[]): Promise<void>;
  query(name: string, args: unknown[]): Promise<unknown>;
  update(name: string, args: unknown[]): Promise<unknown>;
  cancel(reason: string): Promise<void>;
  terminate(reason: string): Promise<void>;
  pause(reason: string): Promise<void>;
  resume(): Promise<void>;
  /** Resets to a WorkflowTaskCompleted event; resolves with the new run's ID. */
  reset(eventId: number, reason: string): Promise<string>;
}

const RUN = "/api/v1/namespaces/{namespace}/workflows/{workflowId}";

/** How long one long poll of the history waits for a new event. */
export const LONG_POLL_WAIT = "PT20S";

/** The run page's calls through the typed API client. */
export function runApi(key: RunKey): RunApi {
  const path = { namespace: key.namespace, workflowId: key.workflowId };
  const runId = key.runId;
  const query = runId === undefined ? {} : { runId };
  return {
    describe: async () => dataOr(await api.GET(RUN, { params: { path, query } })),
    historyPage: async (token, pageSize) =>
      dataOr(
        await api.GET(`${RUN}/history`, {
          params: { path, query: { ...query, pageSize, ...(token === undefined ? {} : { nextPageToken: token }) } },
        }),
      ),
    historyAfter: async (afterEventId, pageSize, wait, signal) =>
      dataOr(
        await api.GET(`${RUN}/history`, {
          params: {
            path,
            query: { ...query, afterEventId, pageSize, ...(wait ? { waitNewEvent: true, wait: LONG_POLL_WAIT } : {}) },
          },
          signal,
        }),
      ),
    result: async () => dataOr(await api.GET(`${RUN}/result`, { params: { path, query: { ...query, wait: "PT0S" } } })),
    signal: async (signalName, args) => {
      dataOr(await api.POST(`${RUN}/signals/{signalName}`, { params: { path: { ...path, signalName }, query }, body: { args } }));
    },
    query: async (queryName, args) =>
      dataOr(await api.POST(`${RUN}/queries/{queryName}`, { params: { path: { ...path, queryName }, query }, body: { args } }))
        .result,
    update: async (updateName, args) =>
      dataOr(await api.POST(`${RUN}/updates/{updateName}`, { params: { path: { ...path, updateName }, query }, body: { args } }))
        .result,
    cancel: async (reason) => {
      dataOr(await api.POST(`${RUN}/cancel`, { params: { path, query }, body: { reason } }));
    },
    terminate: async (reason) => {
      dataOr(await api.POST(`${RUN}/terminate`, { params: { path, query }, body: { reason } }));
    },
    pause: async (reason) => {
      dataOr(await api.POST(`${RUN}/pause`, { params: { path, query }, body: { reason } }));
    },
    resume: async () => {
      dataOr(await api.POST(`${RUN}/resume`, { params: { path, query }, body: {} }));
    },
    reset: async (eventId, reason) =>
      dataOr(await api.POST(`${RUN}/reset`, { params: { path, query }, body: { eventId, reason } })).runId,
  };
}
