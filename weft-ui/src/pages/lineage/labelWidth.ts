/**
 * How wide a node's key line is drawn (lineage.css `.lineage-label`: 13px, weight 600), so that
 * the graph can shorten a key that does not fit its node before drawing it.
 */
const FONT_SIZE = 13;
const FONT_WEIGHT = 600;

/**
 * Helvetica Bold's advance widths of the printable ASCII characters, space to `~`, in thousandths
 * of an em: the estimate where the browser cannot measure (jsdom has no canvas).
 */
const ASCII_WIDTHS = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0 to ?
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @ to O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P to _
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // ` to o
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p to ~
];
const ELLIPSIS_WIDTH = 1000;
/** Past this code point most characters are wide ones (CJK, Hangul, emoji). */
const WIDE_FROM = 0x1100;

/** The label's width in px by Helvetica Bold's metrics (other characters: as wide as `g`, or 1 em). */
export function estimatedLabelWidth(text: string): number {
  let units = 0;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (code >= 32 && code <= 126) units += ASCII_WIDTHS[code - 32] ?? 611;
    else if (c === "…") units += ELLIPSIS_WIDTH;
    else units += code >= WIDE_FROM ? 1000 : 611;
  }
  return (units * FONT_SIZE) / 1000;
}

let measured: ((text: string) => number) | null | undefined;

/** The browser's own measure of the label font, or null where there is none (jsdom). */
function canvasMeasure(): ((text: string) => number) | null {
  if (typeof OffscreenCanvas === "undefined" || typeof document === "undefined") return null;
  const context = new OffscreenCanvas(1, 1).getContext("2d");
  if (context === null) return null;
  const family = getComputedStyle(document.body).fontFamily || "sans-serif";
  context.font = `${FONT_WEIGHT} ${FONT_SIZE}px ${family}`;
  // a font the canvas refused leaves its default (10px sans-serif): its widths would be wrong
  if (!context.font.includes(`${FONT_SIZE}px`)) return null;
  return (text) => context.measureText(text).width;
}

/**
 * The label's width in px: measured with the page's font where the browser can (a canvas), else
 * {@link estimatedLabelWidth}. The node clips its label to its box either way, so a wrong
 * estimate hides the end of a label but never draws over the checkbox or out of the box.
 */
export function labelWidth(text: string): number {
  if (measured === undefined) measured = canvasMeasure();
  return measured === null ? estimatedLabelWidth(text) : measured(text);
}
