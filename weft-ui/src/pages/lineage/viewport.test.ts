import { centerOn, firstView, fitView, overlaps, panBy, visibleRect, zoomAt, MAX_SCALE } from "./viewport";

describe("viewport", () => {
  it("fits a small graph centred, never above scale 1", () => {
    expect(fitView(1000, 600, 500, 200)).toEqual({ x: 250, y: 200, scale: 1 });
    const big = fitView(1000, 600, 4000, 1000);
    expect(big.scale).toBeCloseTo((1000 - 48) / 4000);
  });

  it("starts a big graph at its top-left corner at a readable scale", () => {
    expect(firstView(1000, 600, 3000, 6000)).toEqual({ x: 24, y: 24, scale: 0.3 });
    expect(firstView(1000, 600, 500, 200).scale).toBe(1);
  });

  it("zooms around the pointer and clamps the scale", () => {
    const v = zoomAt({ x: 0, y: 0, scale: 1 }, 2, 100, 50);
    expect(v).toEqual({ x: -100, y: -50, scale: 2 });
    expect(zoomAt(v, 10, 0, 0).scale).toBe(MAX_SCALE);
  });

  it("pans and centres a box", () => {
    expect(panBy({ x: 1, y: 2, scale: 0.5 }, 10, -5)).toEqual({ x: 11, y: -3, scale: 0.5 });
    const c = centerOn({ x: 0, y: 0, scale: 0.3 }, { x: 100, y: 100, width: 200, height: 50 }, 1000, 600);
    expect(c).toEqual({ x: 500 - 200 * 0.8, y: 300 - 125 * 0.8, scale: 0.8 });
  });

  it("culls boxes outside the screen and its margin", () => {
    const rect = visibleRect({ x: 0, y: 0, scale: 0.5 }, 1000, 600, 100);
    expect(rect).toEqual({ x0: -200, y0: -200, x1: 2200, y1: 1400 });
    expect(overlaps({ x: 2100, y: 0, width: 190, height: 46 }, rect)).toBe(true);
    expect(overlaps({ x: 2300, y: 0, width: 190, height: 46 }, rect)).toBe(false);
    expect(overlaps({ x: 0, y: -300, width: 190, height: 46 }, rect)).toBe(false);
  });
});
