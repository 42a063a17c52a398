import { useRef, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { ConfirmAction } from "../../components/ConfirmAction";
import { startBatch, type BatchOperationType, type BatchStart } from "../batch/batchApi";
import { splitOrderBy } from "./filterQuery";
import { useStatusCounts } from "./useRuns";

interface Props {
  namespace: string;
  /** The list's filter; the batch runs over its condition (ORDER BY dropped). */
  query: string;
}

/** The signal's arguments typed as a JSON array (or one JSON value), or why they are not. */
export function parseSignalArgs(text: string): { args: unknown[] } | { error: string } {
  if (text.trim() === "") return { args: [] };
  try {
    const v: unknown = JSON.parse(text);
    return { args: Array.isArray(v) ? v : [v] };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * "Apply to all matching…": cancel, terminate, signal, pause or resume every run the filter
 * matches, as one batch operation on the server. Each action confirms with the filter and the
 * number of runs it matches, then opens the batch's page (live progress, Stop).
 */
export function BulkActions({ namespace, query }: Props) {
  const [open, setOpen] = useState(false);
  const { where } = splitOrderBy(query);
  if (where === "") {
    return <p className="muted">Set a filter to apply an action to all the runs it matches.</p>;
  }
  return (
    <div className="toolbar">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Apply to all matching…
      </button>
      {open && (
        <div role="group" aria-label="Bulk actions" className="toolbar">
          <BulkAction namespace={namespace} where={where} operation="CANCEL" label="Cancel all" />
          <BulkAction namespace={namespace} where={where} operation="TERMINATE" label="Terminate all" danger />
          <SignalAll namespace={namespace} where={where} />
          <BulkAction namespace={namespace} where={where} operation="PAUSE" label="Pause all" />
          <BulkAction namespace={namespace} where={where} operation="RESUME" label="Resume all" />
        </div>
      )}
    </div>
  );
}

interface ActionProps {
  namespace: string;
  where: string;
}

function BulkAction({
  namespace,
  where,
  operation,
  label,
  danger,
  extra,
  extraBody,
  extraInvalid,
}: ActionProps & {
  operation: BatchOperationType;
  label: string;
  danger?: boolean;
  extra?: ReactNode;
  extraBody?: () => Partial<BatchStart>;
  extraInvalid?: boolean;
}) {
  const navigate = useNavigate();
  const counts = useStatusCounts(namespace, where);
  const [reason, setReason] = useState("");
  const jobId = useRef("");
  const matched = counts.data?.total;
  return (
    <ConfirmAction
      label={label}
      title={`${label} matching runs?`}
      danger={danger}
      confirmDisabled={reason.trim() === "" || extraInvalid}
      onConfirm={async () => {
        jobId.current = await startBatch(namespace, {
          operation,
          query: where,
          reason: reason.trim(),
          ...extraBody?.(),
        });
      }}
      onDone={() =>
        navigate(`/namespaces/${encodeURIComponent(namespace)}/batch-operations/${encodeURIComponent(jobId.current)}`)
      }
    >
      <p>
        Filter: <code>{where}</code>
      </p>
      <p data-testid="bulk-count">
        {matched === undefined ? "Counting the matching runs…" : `It matches ${matched.toLocaleString()} runs now.`}
      </p>
      {extra}
      <label className="field">
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
    </ConfirmAction>
  );
}

function SignalAll({ namespace, where }: ActionProps) {
  const [name, setName] = useState("");
  const [argsText, setArgsText] = useState("");
  const parsed = parseSignalArgs(argsText);
  return (
    <BulkAction
      namespace={namespace}
      where={where}
      operation="SIGNAL"
      label="Signal all"
      extraInvalid={name.trim() === "" || "error" in parsed}
      extraBody={() => ({ signalName: name.trim(), signalArgs: "args" in parsed ? parsed.args : [] })}
      extra={
        <>
          <label className="field">
            Signal name
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <label className="field">
            Arguments (JSON array)
            <textarea
              value={argsText}
              onChange={(e) => setArgsText(e.target.value)}
              rows={3}
              aria-invalid={"error" in parsed}
              aria-describedby={"error" in parsed ? "signal-args-error" : undefined}
            />
          </label>
          {"error" in parsed && (
            <p id="signal-args-error" className="problem-detail">
              Not JSON: {parsed.error}
            </p>
          )}
        </>
      }
    />
  );
}
