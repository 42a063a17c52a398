import type { AssetStatus } from "./graphModel";

/**
 * How a status shows besides its colour (never colour alone): a glyph and a word; the node's
 * outline differs too (lineage.css: dashed when missing, thick when failed).
 */
export const STATUS_LOOK: Record<AssetStatus, { glyph: string; word: string }> = {
  FRESH: { glyph: "✓", word: "fresh" },
  STALE: { glyph: "↻", word: "stale" },
  MISSING: { glyph: "○", word: "missing" },
  FAILED: { glyph: "✕", word: "failed" },
};

/** The key shortened to fit a node (the whole key is in the node's title and label). */
export function shortLabel(text: string, max = 24): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}
