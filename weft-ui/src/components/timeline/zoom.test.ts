import { barGeometry, clampRange, formatDuration, rangeFromPixels, zoom } from "./zoom";

const bounds = { from: 0, to: 1000 };

test("zooming in halves the span around the center and out never leaves the bounds", () => {
  expect(zoom(bounds, 0.5, bounds)).toEqual({ from: 250, to: 750 });
  expect(zoom({ from: 0, to: 500 }, 0.5, bounds, 100)).toEqual({ from: 50, to: 300 });
  expect(zoom({ from: 600, to: 1000 }, 4, bounds)).toEqual({ from: 0, to: 1000 });
  expect(zoom({ from: 500, to: 510 }, 0.1, bounds).to - zoom({ from: 500, to: 510 }, 0.1, bounds).from).toBe(10);
});

test("a range is clamped into the bounds", () => {
  expect(clampRange({ from: 900, to: 1200 }, bounds)).toEqual({ from: 700, to: 1000 });
  expect(clampRange({ from: -50, to: 50 }, bounds)).toEqual({ from: 0, to: 100 });
});

test("a drag selects the range under it, either direction", () => {
  expect(rangeFromPixels(300, 100, 400, { from: 0, to: 1000 })).toEqual({ from: 250, to: 750 });
  expect(rangeFromPixels(-20, 500, 400, { from: 0, to: 1000 })).toEqual({ from: 0, to: 1000 });
});

test("bars are placed as fractions of the view, open bars run to its end", () => {
  expect(barGeometry(250, 500, bounds)).toEqual({ left: 0.25, width: 0.25 });
  expect(barGeometry(900, null, bounds)?.left).toBeCloseTo(0.9);
  expect(barGeometry(900, null, bounds)?.width).toBeCloseTo(0.1);
  expect(barGeometry(1100, 1200, bounds)).toBeNull();
  expect(barGeometry(-100, 100, { from: 0, to: 200 })).toEqual({ left: 0, width: 0.5 });
  expect(barGeometry(500, 500, bounds)?.width).toBeGreaterThan(0);
});

test("durations are short text", () => {
  expect(formatDuration(850)).toBe("850ms");
  expect(formatDuration(4200)).toBe("4.2s");
  expect(formatDuration(185_000)).toBe("3m 05s");
  expect(formatDuration(7_800_000)).toBe("2h 10m");
  expect(formatDuration(100 * 3_600_000)).toBe("4d 4h");
});
