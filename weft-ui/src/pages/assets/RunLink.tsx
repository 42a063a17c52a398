import { Link } from "react-router";
import { runPath, useWorkflowOfRun } from "./assetsApi";

/**
 * A link to the page of a materialization's run. The history names the run only, so the workflow
 * (the `__weft_materialize` one) is looked up once with the list's `RunId` filter; until then, or
 * if the run was deleted, the link opens the list filtered to that run.
 */
export function RunLink({ namespace, runId }: { namespace: string; runId: string | undefined }) {
  const workflow = useWorkflowOfRun(namespace, runId);
  if (runId === undefined) return <span className="muted">—</span>;
  const short = runId.length > 13 ? `${runId.slice(0, 13)}…` : runId;
  const to =
    typeof workflow.data === "string"
      ? runPath(namespace, workflow.data, runId)
      : `/namespaces/${encodeURIComponent(namespace)}/workflows?${new URLSearchParams({ query: `RunId = '${runId}'` })}`;
  return (
    <Link to={to} title={runId} aria-label={`Run ${runId}`} className="mono">
      {short}
    </Link>
  );
}
