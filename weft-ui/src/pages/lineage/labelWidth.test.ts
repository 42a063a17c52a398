/** A canvas context that keeps the font it is given only when it is in `accepted`. */
function fakeCanvas(accepted: (font: string) => boolean) {
  const fonts: string[] = [];
  class FakeOffscreenCanvas {
    getContext() {
      let font = "10px sans-serif";
      return {
        get font() {
          return font;
        },
        set font(value: string) {
          fonts.push(value);
          if (accepted(value)) font = value;
        },
        measureText: (text: string) => ({ width: text.length * 7 }),
      };
    }
  }
  return { FakeOffscreenCanvas, fonts };
}

afterEach(() => {
  document.body.style.fontFamily = "";
  vi.unstubAllGlobals();
  vi.resetModules();
});

test("in the browser the label is measured with the page's font at the label's size and weight", async () => {
  const canvas = fakeCanvas(() => true);
  vi.stubGlobal("OffscreenCanvas", canvas.FakeOffscreenCanvas);
  document.body.style.fontFamily = "system-ui, sans-serif";
  const { labelWidth } = await import("./labelWidth");
  expect(labelWidth("trades/summary_by_day")).toBe(21 * 7);
  expect(canvas.fonts).toEqual(["600 13px system-ui, sans-serif"]);
});

test("a font the canvas refuses (it keeps its 10px default) falls back on the estimate", async () => {
  vi.stubGlobal("OffscreenCanvas", fakeCanvas(() => false).FakeOffscreenCanvas);
  const { labelWidth, estimatedLabelWidth } = await import("./labelWidth");
  expect(labelWidth("trades/summary_by_day")).toBe(estimatedLabelWidth("trades/summary_by_day"));
});
