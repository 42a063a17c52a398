import { Link } from "react-router";
import { ConfirmAction } from "../../components/ConfirmAction";
import { ProblemMessage } from "../../components/ProblemMessage";
import { selectionFor } from "./graphModel";
import type { MaterializeStarted } from "./lineageApi";

interface Props {
  namespace: string;
  chosen: ReadonlySet<string>;
  started: MaterializeStarted | null;
  /** The started materialization's workflow status (RUNNING, COMPLETED, ...), once known. */
  runStatus: string | undefined;
  runStatusError: unknown;
  onMaterialize(selection: string): Promise<unknown>;
  onClear(): void;
}

/**
 * The chosen nodes as a selection, and the button that materializes it (after a confirmation;
 * disabled while the request or the started materialization runs), with a link to its run.
 */
export function SelectionBar({ namespace, chosen, started, runStatus, runStatusError, onMaterialize, onClear }: Props) {
  const selection = selectionFor(chosen);
  const running = started !== null && (runStatus === undefined || runStatus === "RUNNING");
  return (
    <section className="lineage-selection" aria-label="Selection">
      <p>
        {chosen.size === 0 ? (
          "Tick nodes to materialize them."
        ) : (
          <>
            Selected ({chosen.size}): <code className="lineage-selection-text">{selection}</code>
          </>
        )}
      </p>
      <div className="lineage-buttons">
        <ConfirmAction
          label={running ? "Materializing…" : `Materialize ${chosen.size} selected`}
          title="Materialize the selection?"
          confirmLabel="Materialize"
          disabled={chosen.size === 0 || running}
          onConfirm={() => onMaterialize(selection)}
        >
          <p>
            Starts one materialization of <code>{selection}</code> (a workflow; its assets run in dependency order).
          </p>
        </ConfirmAction>
        <button type="button" className="button quiet" onClick={onClear} disabled={chosen.size === 0}>
          Clear selection
        </button>
      </div>
      {started !== null && (
        <p role="status" className="lineage-started">
          Materialization of {started.assetKeys.length} asset{started.assetKeys.length === 1 ? "" : "s"}{" "}
          <Link
            to={`/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(started.workflowId)}?runId=${encodeURIComponent(started.runId)}`}
          >
            {started.workflowId}
          </Link>
          : {runStatus === undefined ? "started" : runStatus.toLowerCase().replace(/_/g, " ")}
        </p>
      )}
      {runStatusError !== null && runStatusError !== undefined && <ProblemMessage error={runStatusError} />}
    </section>
  );
}
