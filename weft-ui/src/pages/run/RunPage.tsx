import { useCallback, useMemo, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { RunView } from "./RunView";
import { runApi as makeRunApi, type RunApi, type RunKey } from "./runApi";

/** The link to a run's page. */
export function runHref(namespace: string, workflowId: string, runId?: string): string {
  const base = `/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return runId === undefined ? base : `${base}?runId=${encodeURIComponent(runId)}`;
}

/**
 * The run detail page at `/namespaces/:namespace/workflows/:workflowId` (`?runId=` for one run;
 * without it the workflow's latest run, pinned once it is known so that the page stays on it).
 */
export function RunPage({ api }: { api?: (key: RunKey) => RunApi }) {
  // `api` (tests) must keep its identity: a new one reloads the run
  const { namespace = "default", workflowId = "" } = useParams();
  const [search] = useSearchParams();
  const runId = search.get("runId") ?? undefined;
  const navigate = useNavigate();
  const make = api ?? makeRunApi;
  const [pinned, setPinned] = useState<{ workflowId: string; runId: string } | null>(null);
  const pinnedRun = pinned !== null && pinned.workflowId === workflowId ? pinned.runId : undefined;
  const key = useMemo<RunKey>(
    () => ({ namespace, workflowId, runId: runId ?? pinnedRun }),
    [namespace, workflowId, runId, pinnedRun],
  );
  const client = useMemo(() => make(key), [make, key]);
  const pin = useCallback((id: string) => setPinned({ workflowId, runId: id }), [workflowId]);
  const href = useCallback((w: string, r?: string) => runHref(namespace, w, r), [namespace]);
  return (
    <RunView
      key={`${namespace}/${workflowId}`}
      runKey={key}
      runApi={client}
      onRunKnown={pin}
      runHref={href}
      onNavigate={(to) => void navigate(to)}
    />
  );
}
