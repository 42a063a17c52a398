/** A drawing call recorded by the canvas stub, with the fill style it was made with. */
export interface Drawn {
  op: "fillRect" | "strokeRect" | "clearRect";
  x: number;
  y: number;
  w: number;
  h: number;
  style: string;
}

/**
 * jsdom has no canvas: give every canvas a 2D context that records its rectangles (and a size on
 * screen, so pointer positions map to pixels), to assert what a component drew.
 */
export function stubCanvas(screenWidth = 1280) {
  const calls: Drawn[] = [];
  const ctx = {
    fillStyle: "",
    strokeStyle: "",
    lineWidth: 1,
    fillRect(x: number, y: number, w: number, h: number) {
      calls.push({ op: "fillRect", x, y, w, h, style: String(this.fillStyle) });
    },
    strokeRect(x: number, y: number, w: number, h: number) {
      calls.push({ op: "strokeRect", x, y, w, h, style: String(this.strokeStyle) });
    },
    clearRect(x: number, y: number, w: number, h: number) {
      calls.push({ op: "clearRect", x, y, w, h, style: "" });
    },
  };
  const getContext = vi
    .spyOn(HTMLCanvasElement.prototype, "getContext")
    .mockImplementation(() => ctx as unknown as CanvasRenderingContext2D);
  const rect = vi.spyOn(HTMLCanvasElement.prototype, "getBoundingClientRect").mockImplementation(
    () => ({ left: 0, top: 0, right: screenWidth, bottom: 32, width: screenWidth, height: 32, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect,
  );
  return {
    calls,
    /** The calls since the last clearRect: the latest complete drawing. */
    last(): Drawn[] {
      let from = 0;
      calls.forEach((c, i) => {
        if (c.op === "clearRect") from = i;
      });
      return calls.slice(from);
    },
    restore() {
      getContext.mockRestore();
      rect.mockRestore();
    },
  };
}
