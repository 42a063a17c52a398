import { useEffect, useId, useState } from "react";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "../../components/ConfirmAction";
import { assetPath, runPath } from "../assets/assetsApi";
import { invalidatePartitions, type InvalidateRequest, type InvalidateResult, type KeyRange } from "./partitionsApi";

interface Props {
  namespace: string;
  assetKey: string;
  /** The range the form starts from: the highlighted bucket, the zoomed range or the whole range. */
  range: KeyRange | null;
}

/** The keys typed in a text area: one per line or separated by commas, blanks dropped. */
export function parseKeys(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

/**
 * Invalidates a key range (or listed keys) of the asset after a confirmation naming the reason,
 * optionally rematerializing them; then shows how many partitions became stale per asset (the
 * cascade reaches downstream assets) and links to the materialization it started. A refusal
 * (`invalid-partition-key`, `no-asset-host`) stays in the dialog as the server's problem.
 */
export function InvalidateAction({ namespace, assetKey, range }: Props) {
  const [mode, setMode] = useState<"range" | "keys">("range");
  const [from, setFrom] = useState(range?.from ?? "");
  const [to, setTo] = useState(range?.to ?? "");
  const [keys, setKeys] = useState("");
  const [reason, setReason] = useState("");
  const [rematerialize, setRematerialize] = useState(false);
  const [result, setResult] = useState<InvalidateResult | null>(null);
  const queries = useQueryClient();
  const id = useId();
  useEffect(() => {
    setFrom(range?.from ?? "");
    setTo(range?.to ?? "");
  }, [range?.from, range?.to]);

  const body: InvalidateRequest =
    mode === "range"
      ? { from: from.trim(), to: to.trim(), reason: reason.trim(), rematerialize }
      : { keys: parseKeys(keys), reason: reason.trim(), rematerialize };
  const complete =
    reason.trim() !== "" && (mode === "range" ? from.trim() !== "" && to.trim() !== "" : parseKeys(keys).length > 0);
  const materialization = result?.materialization ?? null;
  return (
    <div>
      <ConfirmAction
        label="Invalidate…"
        title={`Invalidate partitions of ${assetKey}?`}
        confirmLabel="Invalidate"
        danger
        confirmDisabled={!complete}
        onConfirm={async () => {
          setResult(await invalidatePartitions(namespace, assetKey, body));
        }}
        onDone={() => {
          void queries.invalidateQueries({ queryKey: ["partitions", namespace] });
          void queries.invalidateQueries({ queryKey: ["partitions-bar", namespace] });
          void queries.invalidateQueries({ queryKey: ["partitions-ranges", namespace] });
        }}
      >
        <p>
          The partitions become stale, and so do the partitions of the downstream assets that read them.
        </p>
        <fieldset>
          <legend>Partitions</legend>
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === "range"} onChange={() => setMode("range")} /> A key
            range
          </label>{" "}
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === "keys"} onChange={() => setMode("keys")} /> Listed
            keys
          </label>
          {mode === "range" ? (
            <div className="inline-form">
              <div className="field">
                <label htmlFor={`${id}-from`}>From key</label>
                <input id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)} spellCheck={false} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>To key (inclusive)</label>
                <input id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} spellCheck={false} />
              </div>
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-keys`}>Keys (one per line or comma separated)</label>
              <textarea id={`${id}-keys`} rows={3} value={keys} onChange={(e) => setKeys(e.target.value)} spellCheck={false} />
            </div>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (required)</label>
          <input
            id={`${id}-reason`}
            value={reason}
            required
            aria-required="true"
            onChange={(e) => setReason(e.target.value)}
            placeholder="re-org at 19000000"
          />
        </div>
        <label>
          <input type="checkbox" checked={rematerialize} onChange={(e) => setRematerialize(e.target.checked)} />{" "}
          Rematerialize them now
        </label>
      </ConfirmAction>
      {result !== null && (
        <div aria-live="polite" className="invalidate-result">
          <p>Invalidated:</p>
          <ul aria-label="Invalidated partitions per asset">
            {result.invalidated.map((a) => (
              <li key={a.assetKey}>
                <Link to={assetPath(namespace, a.assetKey)}>{a.assetKey}</Link>: {a.partitions.toLocaleString("en-US")}{" "}
                {a.partitions === 1 ? "partition" : "partitions"} stale
              </li>
            ))}
          </ul>
          {materialization !== null ? (
            <p>
              Rematerializing:{" "}
              <Link to={runPath(namespace, materialization.workflowId, materialization.runId)}>
                {materialization.workflowId}
              </Link>
            </p>
          ) : (
            <p className="muted">No materialization started.</p>
          )}
        </div>
      )}
    </div>
  );
}
