import { useState } from "react";
import { Link } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { backfillLauncherPath } from "../backfills/backfillsApi";
import { STATUS_LABEL, STATUS_ORDER } from "./partitionBarModel";
import { usePartitionSummary, type KeyRange } from "./partitionsApi";
import { InvalidateAction } from "./InvalidateAction";
import { PartitionKeyLookup } from "./PartitionKeyLookup";
import { PartitionRangesList } from "./PartitionRangesList";
import { PartitionStatusBar } from "./PartitionStatusBar";
import "./partitions.css";

/**
 * The partitions of a partitioned asset: the definition in words, counts per status, the status
 * bar (zoomable), the partitions of a status as key ranges, a key lookup, invalidation of a range
 * and a link to the backfill launcher for the asset and the range in view.
 */
export function PartitionsSection({ namespace, assetKey }: { namespace: string; assetKey: string }) {
  const summary = usePartitionSummary(namespace, assetKey, true);
  const [zoom, setZoom] = useState<KeyRange | null>(null);
  const [selected, setSelected] = useState<KeyRange | null>(null);
  const s = summary.data;
  const whole: KeyRange | null =
    s?.firstKey != null && s.lastKey != null ? { from: s.firstKey, to: s.lastKey } : null;
  const focus = selected ?? zoom ?? whole;
  // the bar does not wait for the summary: both are asked for at once
  return (
    <div>
      {summary.error !== null && <ProblemMessage error={summary.error} />}
      {s === undefined ? (
        summary.isPending && <p aria-busy="true">Loading the partitions…</p>
      ) : (
        <>
          <p>
            {s.description} — <strong>{s.total.toLocaleString("en-US")}</strong>{" "}
            {s.total === 1 ? "partition" : "partitions"}
            {whole !== null && (
              <span className="muted">
                {" "}
                (keys <code>{whole.from}</code> to <code>{whole.to}</code>)
              </span>
            )}
          </p>
          <ul className="partition-legend" aria-label="Partitions per status">
            {STATUS_ORDER.map((st) => (
              <li key={st}>
                <span className={`swatch swatch-${st}`} aria-hidden="true" />
                <span>
                  {s.counts[st].toLocaleString("en-US")} {STATUS_LABEL[st]}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {s?.total !== 0 && summary.error === null && (
        <>
          <div className="toolbar">
            <span>
              {zoom === null ? (
                "Showing every partition"
              ) : (
                <>
                  Zoomed to <code>{zoom.from}</code> – <code>{zoom.to}</code>
                </>
              )}
            </span>
            <button
              type="button"
              className="button"
              disabled={zoom === null}
              onClick={() => {
                setZoom(null);
                setSelected(null);
              }}
            >
              Whole range
            </button>
          </div>
          <PartitionStatusBar
            namespace={namespace}
            assetKey={assetKey}
            range={zoom}
            onZoom={(r) => {
              setZoom(r);
              setSelected(null);
            }}
            onSelect={setSelected}
          />
        </>
      )}
      <div className="toolbar">
        <InvalidateAction namespace={namespace} assetKey={assetKey} range={focus} />
        <Link
          className="button"
          to={backfillLauncherPath(namespace, { selection: assetKey, ...(focus !== null ? focus : {}) })}
        >
          Backfill
        </Link>
      </div>
      <h3>Partitions by status</h3>
      <PartitionRangesList namespace={namespace} assetKey={assetKey} />
      <h3>Look up a partition</h3>
      <PartitionKeyLookup namespace={namespace} assetKey={assetKey} />
    </div>
  );
}
