/**
 * The layout of the partition status bar, kept pure so it can be tested without a canvas: which
 * buckets fall in which pixel columns, how each column is stacked by status, where the must-see
 * marks (failed, in progress) go, which key range a zoom or a drag selects, and the text summary.
 */

/** A partition's status, as the API writes it. */
export type PartitionStatus = "MATERIALIZED" | "STALE" | "FAILED" | "IN_PROGRESS" | "MISSING";

/** How many partitions are in each status. */
export type StatusCounts = Record<PartitionStatus, number>;

/** One bucket of the bar as the server answers it (`PartitionBucket`). */
export interface Bucket {
  from: string;
  to: string;
  partitions: number;
  counts: StatusCounts;
}

/** The statuses, bottom to top in a column (the alarming ones last, on top, where the eye goes). */
export const STACK_ORDER: readonly PartitionStatus[] = ["MATERIALIZED", "MISSING", "STALE", "IN_PROGRESS", "FAILED"];

/** The statuses in the order the page lists them. */
export const STATUS_ORDER: readonly PartitionStatus[] = ["MATERIALIZED", "STALE", "FAILED", "IN_PROGRESS", "MISSING"];

/** The statuses a column must show however few partitions have them. */
export const MUST_SHOW: readonly PartitionStatus[] = ["FAILED", "IN_PROGRESS"];

/** The least height of a failed or in-progress mark, in CSS pixels (times the device pixel ratio). */
export const MARK_HEIGHT_CSS_PX = 6;
/** The least width of such a mark, in CSS pixels: a 1-pixel column is too thin to see. */
export const MARK_WIDTH_CSS_PX = 3;

/** The most buckets one request asks for. */
export const MAX_BUCKETS = 1000;

/** Statuses in words. */
export const STATUS_LABEL: Record<PartitionStatus, string> = {
  MATERIALIZED: "materialized",
  STALE: "stale",
  FAILED: "failed",
  IN_PROGRESS: "in progress",
  MISSING: "missing",
};

/** A stacked piece of a column, `y` from the top of the bar, in device pixels. */
export interface Segment {
  status: PartitionStatus;
  y: number;
  height: number;
}

/** One pixel column range of the bar: the buckets it shows and how it is stacked. */
export interface Column {
  /** The first device pixel (inclusive) and the end (exclusive). */
  x0: number;
  x1: number;
  /** The first and last bucket (indices) drawn in this column. */
  first: number;
  last: number;
  /** The key range of those buckets. */
  from: string;
  to: string;
  partitions: number;
  counts: StatusCounts;
  segments: Segment[];
}

/** How many buckets to ask for a bar `cssWidth` CSS pixels wide: one per device pixel, at most 1000. */
export function bucketsFor(cssWidth: number, devicePixelRatio: number): number {
  const px = Math.floor(cssWidth * (devicePixelRatio > 0 ? devicePixelRatio : 1));
  return Math.max(1, Math.min(MAX_BUCKETS, px));
}

/** Zero counts. */
export function noCounts(): StatusCounts {
  return { MATERIALIZED: 0, STALE: 0, FAILED: 0, IN_PROGRESS: 0, MISSING: 0 };
}

function add(a: StatusCounts, b: StatusCounts): StatusCounts {
  const sum = noCounts();
  for (const s of STATUS_ORDER) sum[s] = a[s] + b[s];
  return sum;
}

/**
 * The heights of a column's statuses, in device pixels, summing to `height`: proportional to the
 * counts (largest remainders get the leftover pixels), except that a failed or in-progress status
 * with any partition gets at least `minMark` pixels (taken from the tallest other status), so one
 * failure in 10,000 is still seen. Empty counts give no height at all.
 */
export function stackHeights(counts: StatusCounts, height: number, minMark = 1): StatusCounts {
  const heights = noCounts();
  const total = STATUS_ORDER.reduce((n, s) => n + counts[s], 0);
  if (total === 0 || height <= 0) return heights;
  const fractions: [PartitionStatus, number][] = [];
  let used = 0;
  for (const s of STATUS_ORDER) {
    const exact = (counts[s] / total) * height;
    heights[s] = Math.floor(exact);
    used += heights[s];
    fractions.push([s, exact - heights[s]]);
  }
  fractions.sort((a, b) => b[1] - a[1]);
  for (let i = 0; used < height && i < fractions.length; i++) {
    const entry = fractions[i];
    if (entry === undefined || entry[1] === 0) continue;
    heights[entry[0]] += 1;
    used += 1;
  }
  const mark = Math.min(minMark, Math.floor(height / MUST_SHOW.length));
  for (const s of MUST_SHOW) {
    while (counts[s] > 0 && heights[s] < mark) {
      const donor = STATUS_ORDER.filter((o) => o !== s && !(MUST_SHOW.includes(o) && heights[o] <= mark)).reduce<
        PartitionStatus | null
      >((best, o) => (heights[o] > 0 && (best === null || heights[o] > heights[best]) ? o : best), null);
      if (donor === null) break;
      heights[donor] -= 1;
      heights[s] += 1;
    }
  }
  return heights;
}

function segmentsOf(counts: StatusCounts, height: number, minMark: number): Segment[] {
  const heights = stackHeights(counts, height, minMark);
  const segments: Segment[] = [];
  let bottom = height;
  for (const s of STACK_ORDER) {
    if (heights[s] === 0) continue;
    bottom -= heights[s];
    segments.push({ status: s, y: bottom, height: heights[s] });
  }
  return segments;
}

/**
 * The columns of a bar `width` x `height` device pixels drawing `buckets` in order. With no more
 * buckets than pixels each bucket gets its own column, `[round(i*w/n), round((i+1)*w/n))`; with
 * more, each pixel column sums the buckets that fall in it (so no bucket is ever dropped).
 */
export function layoutColumns(buckets: readonly Bucket[], width: number, height: number, minMark = 1): Column[] {
  const n = buckets.length;
  const w = Math.max(1, Math.floor(width));
  if (n === 0) return [];
  const columns: Column[] = [];
  if (n <= w) {
    buckets.forEach((b, i) => {
      columns.push({
        x0: Math.round((i * w) / n),
        x1: Math.round(((i + 1) * w) / n),
        first: i,
        last: i,
        from: b.from,
        to: b.to,
        partitions: b.partitions,
        counts: b.counts,
        segments: segmentsOf(b.counts, height, minMark),
      });
    });
    return columns;
  }
  for (let p = 0; p < w; p++) {
    const first = Math.floor((p * n) / w);
    const last = Math.floor(((p + 1) * n) / w) - 1;
    let counts = noCounts();
    let partitions = 0;
    for (let i = first; i <= last; i++) {
      const b = buckets[i];
      if (b === undefined) continue;
      counts = add(counts, b.counts);
      partitions += b.partitions;
    }
    columns.push({
      x0: p,
      x1: p + 1,
      first,
      last,
      from: buckets[first]?.from ?? "",
      to: buckets[last]?.to ?? "",
      partitions,
      counts,
      segments: segmentsOf(counts, height, minMark),
    });
  }
  return columns;
}

/**
 * Where a segment is painted, in device pixels: its column, except that a failed or in-progress
 * mark is widened to `minMarkWidth` (centred on the column, kept inside the bar) so that one
 * failure in a 1-pixel column is seen.
 */
export function segmentX(col: Column, seg: Segment, minMarkWidth: number, barWidth: number): { x: number; w: number } {
  const w = col.x1 - col.x0;
  if (!MUST_SHOW.includes(seg.status) || w >= minMarkWidth) return { x: col.x0, w };
  const wide = Math.min(minMarkWidth, barWidth);
  const x = Math.max(0, Math.min(barWidth - wide, col.x0 - Math.floor((wide - w) / 2)));
  return { x, w: wide };
}

/** The bucket under device pixel `x` of a bar `width` pixels wide showing `n` buckets (clamped to the bar). */
export function bucketAt(x: number, width: number, n: number): number {
  if (n <= 0) return -1;
  const w = Math.max(1, width);
  const i = Math.floor((Math.min(Math.max(x, 0), w - 1) * n) / w);
  return Math.min(n - 1, Math.max(0, i));
}

/** The key range of buckets `a` to `b` (either order), inclusive: what a zoom to them asks for. */
export function zoomRange(buckets: readonly Bucket[], a: number, b: number): { from: string; to: string } | null {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(buckets.length - 1, Math.max(a, b));
  const first = buckets[lo];
  const last = buckets[hi];
  if (first === undefined || last === undefined) return null;
  return { from: first.from, to: last.to };
}

/** Whether zooming into buckets `a`..`b` shows anything new (more than one partition). */
export function canZoom(buckets: readonly Bucket[], a: number, b: number): boolean {
  let partitions = 0;
  for (let i = Math.max(0, Math.min(a, b)); i <= Math.min(buckets.length - 1, Math.max(a, b)); i++) {
    partitions += buckets[i]?.partitions ?? 0;
  }
  return partitions > 1;
}

/** The next highlighted bucket after a key press, or null when the key does not move it. */
export function moveHighlight(key: string, current: number | null, n: number): number | null {
  if (n === 0) return null;
  const page = Math.max(1, Math.round(n / 10));
  const at = current ?? -1;
  switch (key) {
    case "ArrowRight":
      return Math.min(n - 1, at + 1);
    case "ArrowLeft":
      return current === null ? n - 1 : Math.max(0, at - 1);
    case "PageDown":
      return Math.min(n - 1, at + page);
    case "PageUp":
      return current === null ? Math.max(0, n - page) : Math.max(0, at - page);
    case "Home":
      return 0;
    case "End":
      return n - 1;
    default:
      return null;
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A bucket (or column) in words: its key range and its exact counts per status. */
export function bucketText(b: { from: string; to: string; partitions: number; counts: StatusCounts }): string {
  const range = b.from === b.to ? `Key ${b.from}` : `Keys ${b.from} to ${b.to}`;
  const parts = STATUS_ORDER.filter((s) => b.counts[s] > 0).map(
    (s) => `${b.counts[s].toLocaleString("en-US")} ${STATUS_LABEL[s]}`,
  );
  return `${range}: ${plural(b.partitions, "partition")}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

/**
 * What the bar shows, in words, for screen readers and as a caption: the range, the totals per
 * status, and how many buckets hold failed or in-progress partitions (a bucket with one failure
 * among thousands is counted, not hidden).
 */
export function barSummary(bar: { from: string; to: string; total: number; buckets: readonly Bucket[] }): string {
  const totals = bar.buckets.reduce((c, b) => add(c, b.counts), noCounts());
  const parts = STATUS_ORDER.filter((s) => totals[s] > 0).map(
    (s) => `${totals[s].toLocaleString("en-US")} ${STATUS_LABEL[s]}`,
  );
  const alarms = MUST_SHOW.filter((s) => totals[s] > 0).map((s) => {
    const inBuckets = bar.buckets.filter((b) => b.counts[s] > 0).length;
    return `${STATUS_LABEL[s]} partitions in ${plural(inBuckets, "bucket")}`;
  });
  return (
    `${plural(bar.total, "partition")} from ${bar.from} to ${bar.to} in ${plural(bar.buckets.length, "bucket")}` +
    (parts.length > 0 ? `: ${parts.join(", ")}` : "") +
    (alarms.length > 0 ? `; ${alarms.join("; ")}` : "") +
    "."
  );
}
