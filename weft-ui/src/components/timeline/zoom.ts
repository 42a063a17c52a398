/** A time range in epoch milliseconds, `from` < `to`. */
export interface TimeRange {
  from: number;
  to: number;
}

/** The narrowest range zoom goes to (milliseconds). */
export const MIN_SPAN = 10;

/** Keeps `range` inside `bounds` and at least MIN_SPAN wide (or the bounds' width if narrower). */
export function clampRange(range: TimeRange, bounds: TimeRange): TimeRange {
  const full = bounds.to - bounds.from;
  const span = Math.min(full, Math.max(MIN_SPAN, range.to - range.from));
  let from = Math.max(bounds.from, Math.min(range.from, bounds.to - span));
  if (!Number.isFinite(from)) from = bounds.from;
  return { from, to: from + span };
}

/**
 * Zooms around `center` (the middle unless given): factor < 1 zooms in, > 1 out; the result stays
 * inside `bounds`.
 */
export function zoom(view: TimeRange, factor: number, bounds: TimeRange, center?: number): TimeRange {
  const c = center ?? (view.from + view.to) / 2;
  const span = (view.to - view.from) * factor;
  const ratio = (c - view.from) / (view.to - view.from);
  return clampRange({ from: c - span * ratio, to: c - span * ratio + span }, bounds);
}

/** The range between two horizontal positions (pixels, either order) of a track `width` wide. */
export function rangeFromPixels(x0: number, x1: number, width: number, view: TimeRange): TimeRange {
  const span = view.to - view.from;
  const a = Math.max(0, Math.min(x0, x1)) / width;
  const b = Math.min(width, Math.max(x0, x1)) / width;
  return { from: view.from + a * span, to: view.from + b * span };
}

/**
 * Where a bar from `start` to `end` (null: open, drawn to the view's end) falls in the view, as
 * fractions of the track: null when it is outside. A zero-length bar gets a minimal width.
 */
export function barGeometry(
  start: number,
  end: number | null,
  view: TimeRange,
): { left: number; width: number } | null {
  const stop = end ?? view.to;
  if (stop < view.from || start > view.to) return null;
  const span = view.to - view.from;
  const left = (Math.max(start, view.from) - view.from) / span;
  const right = (Math.min(stop, view.to) - view.from) / span;
  return { left, width: Math.max(right - left, 0.002) };
}

/** A duration in milliseconds as short text: 850ms, 4.2s, 3m 05s, 2h 10m, 3d 4h. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(Math.floor(s % 60)).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}
