import axe from "axe-core";

/**
 * A 2D context that draws every glyph as a solid block, for axe's icon-ligature check (the one
 * canvas axe asks for, with `willReadFrequently`): every text then reads as plain text, as it does
 * in the browser for the page's fonts.
 */
function glyphContext(canvas: HTMLCanvasElement) {
  const size = 30;
  return {
    canvas,
    font: "",
    textAlign: "left",
    textBaseline: "top",
    measureText: (text: string) => ({ width: size * [...text].length }),
    fillText() {},
    clearRect() {},
    getImageData: (_x: number, _y: number, w: number, h: number) => ({
      data: new Uint8ClampedArray(Math.max(1, Math.round(w * h)) * 4).fill(255),
    }),
  };
}

/**
 * Runs `work` with a canvas for axe: jsdom has none, and without one axe's
 * label-content-name-mismatch (a visible label must be words of the accessible name) fails in its
 * icon-ligature check and is skipped as "incomplete", so it would never report a violation here.
 */
async function withAxeCanvas<T>(work: () => Promise<T>): Promise<T> {
  const proto = HTMLCanvasElement.prototype;
  const getContext = proto.getContext;
  proto.getContext = function (this: HTMLCanvasElement, type: string, options?: { willReadFrequently?: boolean }) {
    return options?.willReadFrequently ? glyphContext(this) : getContext.call(this, type as "2d", options);
  } as typeof proto.getContext;
  try {
    return await work();
  } finally {
    proto.getContext = getContext;
  }
}

/** Runs axe over the document with `options` (a canvas provided, see withAxeCanvas). */
export async function runAxe(options: axe.RunOptions): Promise<axe.AxeResults> {
  // what index.html gives the real page
  if (document.documentElement.lang === "") document.documentElement.lang = "en";
  if (document.title === "") document.title = "Weft";
  return withAxeCanvas(() => axe.run(document, options));
}

/**
 * The axe violations of the document (jsdom has no layout, so the colour contrast rule, which needs
 * one, runs in the browser tests only), as `rule: selector` strings.
 */
export async function axeViolations(): Promise<string[]> {
  const result = await runAxe({
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false } },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}
