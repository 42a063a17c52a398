import { useEffect, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "../../components/ConfirmAction";
import { materialize, runPath, useRunStatus, type Materializing } from "./assetsApi";

interface Props {
  namespace: string;
  /** The selection to materialize. */
  selection: string;
  /** The button's label. */
  label?: string;
  /** The confirmation's heading. */
  title: string;
  /** What the confirmation says (e.g. the planned assets). */
  children?: ReactNode;
  /** Disables the button (e.g. no valid preview yet). */
  disabled?: boolean;
}

/**
 * Materializes a selection after a confirmation, then links to the new run and shows its status.
 * The button is disabled while the request runs and while the started run runs.
 */
export function MaterializeButton({ namespace, selection, label = "Materialize", title, children, disabled }: Props) {
  const [started, setStarted] = useState<Materializing | null>(null);
  const queries = useQueryClient();
  const status = useRunStatus(namespace, started?.workflowId, started?.runId);
  const running = started !== null && (status.data === undefined || status.data === "RUNNING") && !status.isError;
  const ended = status.data !== undefined && status.data !== "RUNNING";
  useEffect(() => {
    // the run ended: read the catalog now rather than at the next refresh
    if (ended) {
      void queries.invalidateQueries({ queryKey: ["assets", namespace] });
      void queries.invalidateQueries({ queryKey: ["asset", namespace] });
      void queries.invalidateQueries({ queryKey: ["asset-history", namespace] });
    }
  }, [ended, queries, namespace]);
  return (
    <div className="toolbar">
      <ConfirmAction
        label={running ? `${label} (running)` : label}
        title={title}
        confirmLabel={label}
        disabled={disabled || running}
        onConfirm={async () => {
          const s = await materialize(namespace, selection);
          setStarted(s);
        }}
      >
        {children}
      </ConfirmAction>
      {started !== null && (
        <p aria-live="polite">
          Started{" "}
          <Link to={runPath(namespace, started.workflowId, started.runId)}>{started.workflowId}</Link>
          {": "}
          <span className="status">{status.data ?? "starting"}</span>
        </p>
      )}
    </div>
  );
}
