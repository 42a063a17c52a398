import { useId, useState } from "react";
import { ProblemMessage } from "../../components/ProblemMessage";
import { STATUS_LABEL, type PartitionStatus } from "./partitionBarModel";
import { usePartitionStatus } from "./partitionsApi";

/** Looks up one partition by key: its status, data version and detail, or why the key is wrong. */
export function PartitionKeyLookup({ namespace, assetKey }: { namespace: string; assetKey: string }) {
  const [draft, setDraft] = useState("");
  const [key, setKey] = useState("");
  const status = usePartitionStatus(namespace, assetKey, key);
  const id = useId();
  const s = status.data;
  return (
    <div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setKey(draft.trim());
        }}
      >
        <div className="field">
          <label htmlFor={id}>Partition key</label>
          <input
            id={id}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            spellCheck={false}
            aria-invalid={status.error !== null}
          />
        </div>
        <button type="submit" className="button" disabled={draft.trim() === ""}>
          Look up
        </button>
      </form>
      {status.error !== null && (
        <div className="field-problem">
          <ProblemMessage error={status.error} />
        </div>
      )}
      {status.isFetching && s === undefined && <p aria-busy="true">Looking it up…</p>}
      {s !== undefined && (
        <dl className="facts" aria-label={`Partition ${s.key}`}>
          <dt>Key</dt>
          <dd className="mono">{s.key}</dd>
          <dt>Status</dt>
          <dd>
            <span className={`swatch swatch-${s.status}`} aria-hidden="true" /> {STATUS_LABEL[s.status as PartitionStatus] ?? s.status}
          </dd>
          <dt>Data version</dt>
          <dd className="mono">{s.dataVersion ?? <span className="muted">none</span>}</dd>
          <dt>Detail</dt>
          <dd>{s.detail ?? <span className="muted">none</span>}</dd>
        </dl>
      )}
    </div>
  );
}
