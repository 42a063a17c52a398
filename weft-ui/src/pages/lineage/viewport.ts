import type { Box } from "./layout";

/** How the graph sits on screen: screen = graph * scale + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 2;
/** Below this scale the nodes are drawn without text (it could not be read; the page stays cheap). */
export const TEXT_SCALE = 0.4;
/** The first view of a big graph is not smaller than this: part of it, readable, not all of it as dots. */
const FIRST_VIEW_MIN_SCALE = 0.3;
const PADDING = 24;

function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

/** The whole graph in the screen (centred), or its top-left part when that would be too small. */
export function firstView(screenW: number, screenH: number, graphW: number, graphH: number): Viewport {
  const fit = fitView(screenW, screenH, graphW, graphH);
  if (fit.scale >= FIRST_VIEW_MIN_SCALE) return fit;
  return { x: PADDING, y: PADDING, scale: FIRST_VIEW_MIN_SCALE };
}

/** The whole graph in the screen, centred, at most at scale 1. */
export function fitView(screenW: number, screenH: number, graphW: number, graphH: number): Viewport {
  const scale = clampScale(
    Math.min(1, (screenW - 2 * PADDING) / Math.max(1, graphW), (screenH - 2 * PADDING) / Math.max(1, graphH)),
  );
  return { x: (screenW - graphW * scale) / 2, y: (screenH - graphH * scale) / 2, scale };
}

/** Zooms by `factor`, keeping the graph point under the screen point (px, py) where it is. */
export function zoomAt(v: Viewport, factor: number, px: number, py: number): Viewport {
  const scale = clampScale(v.scale * factor);
  const k = scale / v.scale;
  return { x: px - (px - v.x) * k, y: py - (py - v.y) * k, scale };
}

export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { x: v.x + dx, y: v.y + dy, scale: v.scale };
}

/** Centres the box in the screen, at least at `minScale`. */
export function centerOn(v: Viewport, box: Box, screenW: number, screenH: number, minScale = 0.8): Viewport {
  const scale = clampScale(Math.max(v.scale, minScale));
  return {
    x: screenW / 2 - (box.x + box.width / 2) * scale,
    y: screenH / 2 - (box.y + box.height / 2) * scale,
    scale,
  };
}

/** The part of the graph on screen, grown by `margin` screen pixels on every side, in graph units. */
export function visibleRect(v: Viewport, screenW: number, screenH: number, margin: number) {
  return {
    x0: (-margin - v.x) / v.scale,
    y0: (-margin - v.y) / v.scale,
    x1: (screenW + margin - v.x) / v.scale,
    y1: (screenH + margin - v.y) / v.scale,
  };
}

/** Whether the box overlaps the rectangle. */
export function overlaps(b: Box, r: ReturnType<typeof visibleRect>): boolean {
  return b.x + b.width >= r.x0 && b.x <= r.x1 && b.y + b.height >= r.y0 && b.y <= r.y1;
}
