import { Link } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { runPath } from "./assetsApi";
import { useAutomation, type AutomationEvaluation } from "./automationApi";

interface Props {
  namespace: string;
  assetKey: string;
}

/**
 * An asset's automation: its condition (`eager() & !missing()`) and the evaluations, newest first:
 * when, fired or not and why, the run it started, the change-log range it covered. Paged ("Load
 * more").
 */
export function AutomationSection({ namespace, assetKey }: Props) {
  const automation = useAutomation(namespace, assetKey);
  if (automation.error !== null) return <ProblemMessage error={automation.error} />;
  if (automation.isPending) return <p aria-busy="true">Loading the automation…</p>;
  const pages = automation.data.pages;
  const condition = pages[0]?.condition;
  const evaluations = pages.flatMap((p) => p.evaluations ?? []);
  return (
    <>
      {condition === undefined ? (
        <p className="muted">No automation condition: the asset is materialized only when asked.</p>
      ) : (
        <p>
          Condition: <code aria-label="Automation condition">{condition}</code>
        </p>
      )}
      {evaluations.length === 0 ? (
        condition !== undefined && <p className="muted">Not evaluated yet.</p>
      ) : (
        <table className="data-table" aria-label="Automation evaluations">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Fired</th>
              <th scope="col">Reason</th>
              <th scope="col">Run</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {evaluations.map((e) => (
              <EvaluationRow key={e.id} namespace={namespace} evaluation={e} />
            ))}
          </tbody>
        </table>
      )}
      {automation.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void automation.fetchNextPage()}
          disabled={automation.isFetchingNextPage}
        >
          {automation.isFetchingNextPage ? "Loading…" : "Load older evaluations"}
        </button>
      )}
    </>
  );
}

function EvaluationRow({ namespace, evaluation: e }: { namespace: string; evaluation: AutomationEvaluation }) {
  return (
    <tr>
      <td>
        <Time value={e.at} />
      </td>
      <td className={e.fired ? "check-passed" : "muted"}>{e.fired ? "✓ Fired" : "Not fired"}</td>
      <td>
        {e.reason}
        {e.condition !== undefined && (
          <div className="muted mono" title="The condition evaluated">
            {e.condition}
          </div>
        )}
      </td>
      <td>
        {e.workflowId !== undefined ? (
          <Link to={runPath(namespace, e.workflowId, e.runId)} className="mono" aria-label={`Run ${e.workflowId}`}>
            {e.workflowId}
          </Link>
        ) : (
          <span className="muted">—</span>
        )}
        {e.partitions !== undefined && <div className="muted mono">partitions {e.partitions}</div>}
      </td>
      <td className="mono" title="The change-log sequence numbers the evaluation covered">
        {e.fromSeq}…{e.toSeq}
      </td>
    </tr>
  );
}
