import { afterAll, beforeAll, vi } from "vitest";

/**
 * jsdom lays nothing out: give every element a `width` x `height` box, so that virtualized lists
 * see a viewport and render the rows that fit in it.
 */
export function withViewport(width: number, height: number): void {
  beforeAll(() => {
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: height,
      right: width,
      width,
      height,
      toJSON: () => ({}),
    });
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(height);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(width);
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(height);
    vi.spyOn(HTMLElement.prototype, "offsetWidth", "get").mockReturnValue(width);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });
}
