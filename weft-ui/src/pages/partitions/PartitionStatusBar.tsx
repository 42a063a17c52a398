import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from "react";
import { ProblemMessage } from "../../components/ProblemMessage";
import {
  barSummary,
  bucketAt,
  bucketsFor,
  bucketText,
  canZoom,
  layoutColumns,
  MARK_HEIGHT_CSS_PX,
  MARK_WIDTH_CSS_PX,
  moveHighlight,
  MUST_SHOW,
  segmentX,
  zoomRange,
  type Bucket,
  type Column,
  type PartitionStatus,
} from "./partitionBarModel";
import { usePartitionBar, type KeyRange } from "./partitionsApi";
import "./partitions.css";

/** The bar's height in CSS pixels. */
export const BAR_HEIGHT = 32;

/** The colours when the page's custom properties cannot be read (the CSS defines them per theme). */
const FALLBACK: Record<PartitionStatus, string> = {
  MATERIALIZED: "#1a7f37",
  STALE: "#bf8700",
  FAILED: "#b42318",
  IN_PROGRESS: "#0b5cad",
  MISSING: "#d0d7de",
};

interface Props {
  namespace: string;
  assetKey: string;
  /** The zoomed key range; null for the whole range. */
  range: KeyRange | null;
  /** Zooms to a key range (Enter on a bucket, or a drag over buckets). */
  onZoom: (range: KeyRange) => void;
  /** Tells which key range is highlighted (null: none), e.g. to prefill an invalidation. */
  onSelect?: (range: KeyRange | null) => void;
}

/**
 * The partition status bar of an asset: a canvas with one column per bucket of the
 * `/partitions/bar` answer (as many buckets as the canvas has device pixels, at most 1000), each
 * column stacked by status in proportion, with at least one device pixel for any failed or
 * in-progress partition. Hover or the arrow keys show a bucket's key range and exact counts; Enter
 * or a drag over buckets zooms into them. A text summary says what the bar shows.
 */
export function PartitionStatusBar({ namespace, assetKey, range, onZoom, onSelect }: Props) {
  const wrapper = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ css: number; dpr: number } | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const summaryId = useId();
  const hintId = useId();

  useLayoutEffect(() => {
    const measure = () => {
      const css = wrapper.current?.clientWidth ?? 0;
      setSize({ css: css > 0 ? css : 600, dpr: globalThis.devicePixelRatio || 1 });
    };
    measure();
    globalThis.addEventListener?.("resize", measure);
    return () => globalThis.removeEventListener?.("resize", measure);
  }, []);

  const buckets = size === null ? 0 : bucketsFor(size.css, size.dpr);
  const bar = usePartitionBar(namespace, assetKey, buckets, range, size !== null);
  const data = bar.data;
  const list: Bucket[] = data?.buckets ?? [];
  const width = size === null ? 0 : Math.max(1, Math.round(size.css * size.dpr));
  const height = Math.round(BAR_HEIGHT * (size?.dpr ?? 1));
  const dpr = size?.dpr ?? 1;
  const minMark = Math.max(1, Math.round(MARK_HEIGHT_CSS_PX * dpr));
  const markWidth = Math.max(1, Math.round(MARK_WIDTH_CSS_PX * dpr));
  const columns = useMemo(() => layoutColumns(list, width, height, minMark), [list, width, height, minMark]);

  // a new range (zoom or reset) starts without a highlight
  const rangeKey = `${data?.from ?? ""}\u0000${data?.to ?? ""}`;
  useEffect(() => {
    setHighlight(null);
    setHover(null);
  }, [rangeKey]);

  useEffect(() => {
    const c = canvas.current;
    if (c === null || data === undefined) return;
    const ctx = c.getContext?.("2d");
    if (ctx === null || ctx === undefined) return;
    draw(ctx, c, columns, width, height, markWidth, highlight, drag);
    // for the browser benchmark and end-to-end tests: what the canvas shows now
    c.dataset.from = data.from;
    c.dataset.to = data.to;
    c.dataset.drawn = String(list.length);
  }, [columns, width, height, markWidth, highlight, drag, data, list.length]);

  const select = (i: number | null) => {
    setHighlight(i);
    onSelect?.(i === null ? null : zoomRange(list, i, i));
  };

  const indexAt = (e: PointerEvent<HTMLCanvasElement>): number => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = rect.width > 0 ? ((e.clientX - rect.left) * width) / rect.width : 0;
    return bucketAt(x, width, list.length);
  };

  const shown = hover ?? highlight;
  const column = shown === null ? undefined : columnOf(columns, shown);
  return (
    <div className="partition-bar">
      {bar.error !== null && <ProblemMessage error={bar.error} />}
      <div
        ref={wrapper}
        className="partition-bar-frame"
        tabIndex={0}
        role="group"
        aria-roledescription="status bar"
        aria-label={`Partition status bar of ${assetKey}`}
        aria-describedby={`${summaryId} ${hintId}`}
        aria-busy={data === undefined}
        onKeyDown={(e) => {
          if (e.key === "Enter" && highlight !== null) {
            e.preventDefault();
            const r = zoomRange(list, highlight, highlight);
            if (r !== null && canZoom(list, highlight, highlight)) onZoom(r);
            return;
          }
          if (e.key === "Escape") {
            select(null);
            return;
          }
          const next = moveHighlight(e.key, highlight, list.length);
          if (next !== null) {
            e.preventDefault();
            setHover(null);
            select(next);
          }
        }}
      >
        <canvas
          ref={canvas}
          width={width}
          height={height}
          style={{ width: "100%", height: `${BAR_HEIGHT}px` }}
          aria-hidden="true"
          onPointerDown={(e) => {
            if (list.length === 0) return;
            const i = indexAt(e);
            e.currentTarget.setPointerCapture?.(e.pointerId);
            setDrag({ start: i, end: i });
          }}
          onPointerMove={(e) => {
            if (list.length === 0) return;
            const i = indexAt(e);
            if (drag !== null) setDrag({ start: drag.start, end: i });
            else setHover(i);
          }}
          onPointerLeave={() => setHover(null)}
          onPointerUp={(e) => {
            if (drag === null) return;
            const end = indexAt(e);
            setDrag(null);
            if (end !== drag.start && canZoom(list, drag.start, end)) {
              const r = zoomRange(list, drag.start, end);
              if (r !== null) onZoom(r);
            } else {
              select(drag.start);
            }
          }}
        />
      </div>
      <p id={summaryId} className="partition-bar-summary">
        {data === undefined ? "Loading the partition status bar…" : barSummary(data)}
      </p>
      <p id={hintId} className="muted partition-bar-hint">
        Arrow keys, Page Up/Down, Home and End move between buckets; Enter zooms into one; Escape clears; drag over
        buckets to zoom into them.
      </p>
      <p role="status" aria-live="polite" className="partition-bar-tip">
        {column !== undefined ? bucketText(column) : ""}
      </p>
    </div>
  );
}

/** The column drawing bucket `i` (its key range and counts: the bucket's own when it has a column to itself). */
function columnOf(columns: Column[], i: number): Column | undefined {
  return columns.find((c) => c.first <= i && i <= c.last);
}

function colours(c: HTMLCanvasElement): Record<PartitionStatus, string> {
  const style = globalThis.getComputedStyle?.(c);
  const read = (s: PartitionStatus) => style?.getPropertyValue(`--partition-${s}`).trim() || FALLBACK[s];
  return {
    MATERIALIZED: read("MATERIALIZED"),
    STALE: read("STALE"),
    FAILED: read("FAILED"),
    IN_PROGRESS: read("IN_PROGRESS"),
    MISSING: read("MISSING"),
  };
}

function draw(
  ctx: CanvasRenderingContext2D,
  c: HTMLCanvasElement,
  columns: Column[],
  width: number,
  height: number,
  markWidth: number,
  highlight: number | null,
  drag: { start: number; end: number } | null,
) {
  const fill = colours(c);
  ctx.clearRect(0, 0, width, height);
  // the marks last, so that a widened one is not painted over by the next column
  for (const col of columns) {
    for (const s of col.segments) {
      if (MUST_SHOW.includes(s.status)) continue;
      ctx.fillStyle = fill[s.status];
      ctx.fillRect(col.x0, s.y, col.x1 - col.x0, s.height);
    }
  }
  for (const col of columns) {
    for (const s of col.segments) {
      if (!MUST_SHOW.includes(s.status)) continue;
      const { x, w } = segmentX(col, s, markWidth, width);
      ctx.fillStyle = fill[s.status];
      ctx.fillRect(x, s.y, w, s.height);
    }
  }
  if (drag !== null) {
    const lo = Math.min(drag.start, drag.end);
    const hi = Math.max(drag.start, drag.end);
    const a = columns.find((col) => col.first <= lo && lo <= col.last);
    const b = columns.find((col) => col.first <= hi && hi <= col.last);
    if (a !== undefined && b !== undefined) {
      ctx.fillStyle = "rgba(127, 127, 127, 0.35)";
      ctx.fillRect(a.x0, 0, b.x1 - a.x0, height);
    }
  }
  if (highlight !== null) {
    const h = columns.find((col) => col.first <= highlight && highlight <= col.last);
    if (h !== undefined) {
      ctx.strokeStyle = fill.IN_PROGRESS;
      ctx.lineWidth = 2;
      ctx.strokeRect(h.x0 - 1, 1, h.x1 - h.x0 + 2, height - 2);
    }
  }
}
