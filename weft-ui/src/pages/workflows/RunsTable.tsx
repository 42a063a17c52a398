import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { components } from "../../api/schema.gen";
import { Time } from "../../components/Time";
import { statusLabel } from "./filterQuery";

/** A run of the list, as the API writes it. */
export type WorkflowSummary = components["schemas"]["WorkflowSummary"];

/** The height of a row, in px (rows are fixed height, so the virtualizer needs no measuring). */
export const ROW_HEIGHT = 36;
/** Rows rendered beyond the visible ones, each way. */
const OVERSCAN = 10;
/** Loading the next page starts this many rows before the end. */
const PREFETCH_ROWS = 20;

interface Props {
  namespace: string;
  runs: WorkflowSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/**
 * The runs, virtualized: only the visible rows (and a few more) are in the page, however many are
 * loaded. Scrolling near the end loads the next page; so does the "Load more" button. No total is
 * shown: the list pages with a token, never counting the whole table.
 */
export function RunsTable({ namespace, runs, hasMore, loadingMore, onLoadMore }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: runs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && runs.length > 0 && lastIndex >= runs.length - PREFETCH_ROWS) {
      onLoadMore();
    }
  }, [hasMore, loadingMore, lastIndex, runs.length, onLoadMore]);

  const base = `/namespaces/${encodeURIComponent(namespace)}/workflows/`;
  return (
    <div className="runs">
      <div role="table" aria-label="Runs" aria-rowcount={hasMore ? -1 : runs.length + 1}>
        <div role="rowgroup">
          <div role="row" className="runs-row runs-head" aria-rowindex={1}>
            <span role="columnheader">Workflow ID</span>
            <span role="columnheader">Type</span>
            <span role="columnheader">Status</span>
            <span role="columnheader">Start</span>
            <span role="columnheader">Close</span>
            <span role="columnheader">Task queue</span>
          </div>
        </div>
        <div ref={scroller} className="runs-scroll" tabIndex={0} aria-label="Runs, scrollable" role="rowgroup">
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {items.map((item) => {
              const run = runs[item.index];
              if (run === undefined) return null;
              return (
                <div
                  key={`${run.workflowId}/${run.runId}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="runs-row"
                  style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell">
                    <Link to={`${base}${encodeURIComponent(run.workflowId)}?runId=${encodeURIComponent(run.runId)}`}>
                      {run.workflowId}
                    </Link>
                  </span>
                  <span role="cell">{run.workflowType}</span>
                  <span role="cell" className={`status status-${run.status}`}>
                    {statusLabel(run.status)}
                    {run.pause !== undefined && " (paused)"}
                  </span>
                  <span role="cell">
                    <Time value={run.startTime} />
                  </span>
                  <span role="cell">
                    <Time value={run.closeTime} />
                  </span>
                  <span role="cell">{run.taskQueue}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <div className="runs-foot">
        <span className="muted" aria-live="polite">
          {runs.length.toLocaleString()} runs loaded{hasMore ? ", more to load" : ""}
        </span>
        {hasMore && (
          <button type="button" className="button" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? "Loading…" : "Load more"}
          </button>
        )}
      </div>
    </div>
  );
}
