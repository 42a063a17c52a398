import {
  barSummary,
  bucketAt,
  bucketsFor,
  bucketText,
  canZoom,
  layoutColumns,
  moveHighlight,
  noCounts,
  segmentX,
  stackHeights,
  zoomRange,
  type Bucket,
  type StatusCounts,
} from "./partitionBarModel";

function counts(c: Partial<StatusCounts>): StatusCounts {
  return { ...noCounts(), ...c };
}

function bucket(from: number, to: number, c: Partial<StatusCounts>): Bucket {
  const cs = counts(c);
  const partitions = Object.values(cs).reduce((a, b) => a + b, 0);
  return { from: String(from), to: String(to), partitions, counts: cs };
}

test("one bucket per device pixel, at most 1000, at least 1", () => {
  expect(bucketsFor(640, 1)).toBe(640);
  expect(bucketsFor(400, 2)).toBe(800);
  expect(bucketsFor(1280, 1)).toBe(1000);
  expect(bucketsFor(0, 1)).toBe(1);
  expect(bucketsFor(300.7, 0)).toBe(300);
});

test("a column is stacked in proportion to the counts and fills the height exactly", () => {
  const h = stackHeights(counts({ MATERIALIZED: 50, STALE: 25, MISSING: 25 }), 32);
  expect(h).toEqual({ MATERIALIZED: 16, STALE: 8, FAILED: 0, IN_PROGRESS: 0, MISSING: 8 });
  // thirds: the leftover pixel goes to the largest remainder, the sum stays the height
  const t = stackHeights(counts({ MATERIALIZED: 1, STALE: 1, MISSING: 1 }), 32);
  expect(t.MATERIALIZED + t.STALE + t.MISSING).toBe(32);
  expect(Math.max(t.MATERIALIZED, t.STALE, t.MISSING) - Math.min(t.MATERIALIZED, t.STALE, t.MISSING)).toBe(1);
  expect(stackHeights(noCounts(), 32)).toEqual(noCounts());
});

test("one failure in 10,000 still gets its mark of at least 1 px, taken from the tallest status", () => {
  const h = stackHeights(counts({ MATERIALIZED: 9_999, FAILED: 1 }), 32);
  expect(h.FAILED).toBe(1);
  expect(h.MATERIALIZED).toBe(31);
  const two = stackHeights(counts({ MATERIALIZED: 9_998, FAILED: 1, IN_PROGRESS: 1 }), 32, 2);
  expect(two.FAILED).toBe(2);
  expect(two.IN_PROGRESS).toBe(2);
  expect(two.MATERIALIZED).toBe(28);
  // a stale share that rounds to nothing is not forced (only failed and in-progress are)
  expect(stackHeights(counts({ MATERIALIZED: 9_999, STALE: 1 }), 32).STALE).toBe(0);
});

test("segments stack bottom-up, failures on top, inside the bar", () => {
  const [col] = layoutColumns([bucket(0, 9_999, { MATERIALIZED: 9_000, MISSING: 999, FAILED: 1 })], 10, 32);
  expect(col?.segments.map((s) => s.status)).toEqual(["MATERIALIZED", "MISSING", "FAILED"]);
  const failed = col?.segments.find((s) => s.status === "FAILED");
  expect(failed).toEqual({ status: "FAILED", y: 0, height: 1 });
  const total = col?.segments.reduce((n, s) => n + s.height, 0);
  expect(total).toBe(32);
  expect(col?.segments[0]).toMatchObject({ y: 32 - (col?.segments[0]?.height ?? 0) });
});

test("with fewer buckets than pixels each bucket gets its own columns, edge to edge", () => {
  const buckets = [bucket(0, 9, { MATERIALIZED: 10 }), bucket(10, 19, { FAILED: 10 }), bucket(20, 29, { MISSING: 10 })];
  const cols = layoutColumns(buckets, 100, 10);
  expect(cols.map((c) => [c.x0, c.x1])).toEqual([
    [0, 33],
    [33, 67],
    [67, 100],
  ]);
  expect(cols.map((c) => [c.from, c.to])).toEqual([
    ["0", "9"],
    ["10", "19"],
    ["20", "29"],
  ]);
  expect(bucketAt(0, 100, 3)).toBe(0);
  expect(bucketAt(34, 100, 3)).toBe(1);
  expect(bucketAt(99, 100, 3)).toBe(2);
  expect(bucketAt(500, 100, 3)).toBe(2);
  expect(bucketAt(-5, 100, 3)).toBe(0);
});

test("with more buckets than pixels a column sums its buckets, so no failure is dropped", () => {
  const buckets = Array.from({ length: 10 }, (_, i) => bucket(i * 10, i * 10 + 9, i === 7 ? { MATERIALIZED: 9, FAILED: 1 } : { MATERIALIZED: 10 }));
  const cols = layoutColumns(buckets, 4, 32);
  expect(cols).toHaveLength(4);
  expect(cols.map((c) => [c.first, c.last])).toEqual([
    [0, 1],
    [2, 4],
    [5, 6],
    [7, 9],
  ]);
  const last = cols[3];
  expect(last?.partitions).toBe(30);
  expect(last?.counts.FAILED).toBe(1);
  expect(last?.from).toBe("70");
  expect(last?.to).toBe("99");
  expect(last?.segments.find((s) => s.status === "FAILED")?.height).toBe(1);
});

test("zoom ranges span the buckets in either order; one partition cannot be zoomed", () => {
  const buckets = [bucket(0, 9, { MATERIALIZED: 10 }), bucket(10, 19, { MATERIALIZED: 10 }), bucket(20, 20, { FAILED: 1 })];
  expect(zoomRange(buckets, 1, 1)).toEqual({ from: "10", to: "19" });
  expect(zoomRange(buckets, 2, 0)).toEqual({ from: "0", to: "20" });
  expect(zoomRange([], 0, 0)).toBeNull();
  expect(canZoom(buckets, 1, 1)).toBe(true);
  expect(canZoom(buckets, 2, 2)).toBe(false);
});

test("arrow, page and home/end keys move the highlight within the bar", () => {
  expect(moveHighlight("ArrowRight", null, 100)).toBe(0);
  expect(moveHighlight("ArrowLeft", null, 100)).toBe(99);
  expect(moveHighlight("ArrowRight", 99, 100)).toBe(99);
  expect(moveHighlight("ArrowLeft", 0, 100)).toBe(0);
  expect(moveHighlight("PageDown", 5, 100)).toBe(15);
  expect(moveHighlight("PageUp", 5, 100)).toBe(0);
  expect(moveHighlight("Home", 50, 100)).toBe(0);
  expect(moveHighlight("End", 50, 100)).toBe(99);
  expect(moveHighlight("a", 50, 100)).toBeNull();
  expect(moveHighlight("ArrowRight", null, 0)).toBeNull();
});

test("the summary and a bucket's text give exact counts and how many buckets hold failures", () => {
  const buckets = [
    bucket(0, 4_999, { MATERIALIZED: 4_999, FAILED: 1 }),
    bucket(5_000, 9_999, { MATERIALIZED: 4_998, IN_PROGRESS: 2 }),
  ];
  expect(barSummary({ from: "0", to: "9999", total: 10_000, buckets })).toBe(
    "10,000 partitions from 0 to 9999 in 2 buckets: 9,997 materialized, 1 failed, 2 in progress; failed partitions in 1 bucket; in progress partitions in 1 bucket.",
  );
  expect(bucketText(buckets[0] as Bucket)).toBe("Keys 0 to 4999: 5,000 partitions (4,999 materialized, 1 failed)");
  expect(bucketText(bucket(7, 7, { STALE: 1 }))).toBe("Key 7: 1 partition (1 stale)");
});

test("a failure mark in a 1-pixel column is widened to the least mark width, inside the bar", () => {
  const buckets = Array.from({ length: 100 }, (_, i) => bucket(i, i, i === 50 || i === 0 ? { FAILED: 1 } : { MATERIALIZED: 1 }));
  const cols = layoutColumns(buckets, 100, 32, 4);
  const mid = cols[50] as NonNullable<(typeof cols)[number]>;
  const failedSeg = mid.segments.find((s) => s.status === "FAILED");
  expect(failedSeg).toEqual({ status: "FAILED", y: 0, height: 32 });
  expect(segmentX(mid, failedSeg as NonNullable<typeof failedSeg>, 3, 100)).toEqual({ x: 49, w: 3 });
  const first = cols[0] as NonNullable<(typeof cols)[number]>;
  expect(segmentX(first, first.segments[0] as NonNullable<(typeof first.segments)[number]>, 3, 100)).toEqual({ x: 0, w: 3 });
  // other statuses keep their column
  const ok = cols[1] as NonNullable<(typeof cols)[number]>;
  expect(segmentX(ok, ok.segments[0] as NonNullable<(typeof ok.segments)[number]>, 3, 100)).toEqual({ x: 1, w: 1 });
});
