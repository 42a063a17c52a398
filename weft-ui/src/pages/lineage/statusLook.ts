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

