import { useRef } from "react";
import { Link } from "react-router";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Time } from "../../components/Time";
import { AssetStatusBadge } from "./AssetStatusBadge";
import { ChecksSummary } from "./ChecksSummary";
import { DataVersion } from "./DataVersion";
import { assetPath, type AssetSummary } from "./assetsApi";
import { reasonKindLabel, reasonText } from "./StaleReasons";

/** The height of a row, in px (fixed, so the virtualizer needs no measuring). */
export const ASSET_ROW_HEIGHT = 52;
/** Rows rendered beyond the visible ones, each way. */
const OVERSCAN = 10;

interface Props {
  namespace: string;
  assets: AssetSummary[];
}

/**
 * The assets, virtualized: only the visible rows (and a few more) are in the page however many
 * the catalog holds. Each row's key is a link (rows are reached with Tab); a row's stale reasons
 * show the first one and how many more, every reason in the cell's title.
 */
export function AssetsTable({ namespace, assets }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: assets.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ASSET_ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  return (
    <div className="runs">
      <div role="table" aria-label="Assets" aria-rowcount={assets.length + 1}>
        <div role="rowgroup">
          <div role="row" className="runs-row runs-head asset-grid" aria-rowindex={1}>
            <span role="columnheader">Asset</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">Stale reasons</span>
            <span role="columnheader">Group</span>
            <span role="columnheader">Kind</span>
            <span role="columnheader">Materialized</span>
            <span role="columnheader">Data version</span>
            <span role="columnheader">Checks</span>
          </div>
        </div>
        <div ref={scroller} className="runs-scroll" tabIndex={0} aria-label="Assets, scrollable" role="rowgroup">
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((item) => {
              const a = assets[item.index];
              if (a === undefined) return null;
              const latest = a.latestMaterialization;
              const first = a.reasons[0];
              return (
                <div
                  key={`${a.assetKey}/${a.partition}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="runs-row asset-row asset-grid"
                  style={{ position: "absolute", top: 0, left: 0, right: 0, height: ASSET_ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell">
                    <Link to={assetPath(namespace, a.assetKey)}>{a.assetKey}</Link>
                    {a.partition !== "" && <span className="muted"> [{a.partition}]</span>}
                  </span>
                  <span role="cell">
                    <AssetStatusBadge status={a.status} />
                  </span>
                  <span role="cell" className="asset-reasons" title={a.reasons.map(reasonText).join("\n")}>
                    {first === undefined ? (
                      a.lastFailureMessage !== undefined ? a.lastFailureMessage : <span className="muted">—</span>
                    ) : (
                      <>
                        <strong>{reasonKindLabel(first.kind)}</strong>
                        {first.upstreamKey !== undefined && ` from ${first.upstreamKey}`}
                        {first.rootCauseKey !== a.assetKey && ` (root cause ${first.rootCauseKey})`}: {first.detail}
                        {a.reasons.length > 1 && <span className="muted"> and {a.reasons.length - 1} more</span>}
                      </>
                    )}
                  </span>
                  <span role="cell">{a.group ?? "—"}</span>
                  <span role="cell">{a.kind === "OBSERVABLE_SOURCE" ? "Source" : "Computed"}</span>
                  <span role="cell">
                    <Time value={latest?.finishedAt} />
                  </span>
                  <span role="cell">
                    <DataVersion value={latest?.dataVersion} />
                  </span>
                  <span role="cell">
                    <ChecksSummary asset={a} />
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
