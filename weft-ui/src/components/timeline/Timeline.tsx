import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { Timeline as TimelineData } from "./deriveTimeline";
import { clampRange, formatDuration, rangeFromPixels, zoom, type TimeRange } from "./zoom";
import { TimelineRowView, type PendingAttempt } from "./TimelineRow";
import "./timeline.css";

/** Height of one timeline row in pixels. */
export const ROW_HEIGHT = 28;

interface Props {
  timeline: TimelineData;
  /** Builds the link to a child run. */
  runHref: (workflowId: string, runId?: string) => string;
  /** Pending attempts of open activities by seq (from describe), to show the next attempt. */
  pending?: ReadonlyMap<number, PendingAttempt>;
  /** Called with a row's first event when its label is chosen. */
  onSelectEvent?: (eventId: number) => void;
}

/**
 * A run's history as a timeline: one row per activity, timer, child, update or marker, drawn on a
 * shared time axis. Zoom with +/- (buttons or keys), or drag over the axis to zoom into a range;
 * Reset shows the whole run. Only the rows in view are rendered.
 */
export function Timeline({ timeline, runHref, pending, onSelectEvent }: Props) {
  const bounds = useMemo(() => ({ from: timeline.start, to: timeline.end }), [timeline.start, timeline.end]);
  const [zoomed, setZoomed] = useState<TimeRange | null>(null);
  const view = zoomed === null ? bounds : clampRange(zoomed, bounds);
  const scroll = useRef<HTMLDivElement>(null);
  const axis = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);

  const rows = useVirtualizer({
    count: timeline.rows.length,
    getScrollElement: () => scroll.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const zoomBy = useCallback((factor: number) => setZoomed(zoom(view, factor, bounds)), [view, bounds]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "+" || e.key === "=") zoomBy(0.5);
    else if (e.key === "-") zoomBy(2);
    else if (e.key === "0") setZoomed(null);
  };

  const trackX = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, width: rect.width };
  };
  const endDrag = (e: PointerEvent<HTMLDivElement>) => {
    if (drag === null) return;
    const { width } = trackX(e);
    if (Math.abs(drag.x1 - drag.x0) > 4 && width > 0) {
      setZoomed(clampRange(rangeFromPixels(drag.x0, drag.x1, width, view), bounds));
    }
    setDrag(null);
  };

  const span = view.to - view.from;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({
    f,
    label: `+${formatDuration(view.from - bounds.from + f * span)}`,
  }));

  return (
    <section className="timeline" aria-label="Timeline" onKeyDown={onKey}>
      <div className="timeline-tools">
        <button type="button" className="button" onClick={() => zoomBy(0.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button" onClick={() => zoomBy(2)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="button" onClick={() => setZoomed(null)} disabled={zoomed === null}>
          Reset zoom
        </button>
        <span className="muted">
          {timeline.rows.length} rows · showing {formatDuration(span)} of {formatDuration(bounds.to - bounds.from)} ·
          drag over the axis to zoom
        </span>
      </div>
      <div className="timeline-grid">
        <div className="timeline-label muted">Started +0</div>
        <div
          ref={axis}
          className="timeline-axis"
          data-testid="timeline-axis"
          onPointerDown={(e) => {
            const { x } = trackX(e);
            setDrag({ x0: x, x1: x });
          }}
          onPointerMove={(e) => {
            if (drag !== null) setDrag({ ...drag, x1: trackX(e).x });
          }}
          onPointerUp={endDrag}
          onPointerLeave={endDrag}
        >
          {ticks.map((t) => (
            <span key={t.f} className="tick" style={{ left: `${Math.min(96, Math.max(3, t.f * 100))}%` }}>
              {t.label}
            </span>
          ))}
          {drag !== null && (
            <span
              className="selection"
              style={{ left: Math.min(drag.x0, drag.x1), width: Math.abs(drag.x1 - drag.x0) }}
            />
          )}
        </div>
      </div>
      <div ref={scroll} className="timeline-scroll" data-testid="timeline-scroll">
        <div style={{ height: rows.getTotalSize(), position: "relative" }}>
          {rows.getVirtualItems().map((item) => {
            const row = timeline.rows[item.index];
            if (row === undefined) return null;
            return (
              <TimelineRowView
                key={row.key}
                row={row}
                view={view}
                top={item.start}
                runHref={runHref}
                pending={row.kind === "activity" ? pending?.get(row.seq) : undefined}
                onSelectEvent={onSelectEvent}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
