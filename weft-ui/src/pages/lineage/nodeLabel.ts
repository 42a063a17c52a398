/** Where a node's text starts, from the node's left edge (right of its status bar). */
export const LABEL_X = 14;
/** What the label leaves free at the node's right: the checkbox (18 px, 6 from the edge) and a gap. */
const RIGHT_MARGIN = 28;
const ELLIPSIS = "…";
/**
 * The characters a key may be cut at: its segment separator `/` and the word separators of its
 * segments. Each is a word boundary for a speech-input tool and for axe's
 * label-content-name-mismatch (it splits names at every character that is not a letter or a
 * number), so the rest of the key after one is whole words of the key.
 */
const BREAKS = new Set(["/", "_", "-", ".", ":", " "]);
const HAS_WORD = /[\p{L}\p{N}]/u;

/** A node's key line as drawn. */
export interface NodeLabel {
  /** The whole key, or `…` and the key from one of its separators on: whole words of the key. */
  text: string;
  /**
   * True when even the key's last word does not fit (one long word without separators): the text
   * holds that whole word, clipped at the node's edge with `…` drawn after it.
   */
  cut: boolean;
}

/** How much room a node `boxWidth` wide leaves its label, in px. */
export function labelRoom(boxWidth: number): number {
  return boxWidth - LABEL_X - RIGHT_MARGIN;
}

/**
 * The key shortened to fit `room` px (as measured by `width`), at a key-segment or word boundary,
 * never inside a word: the visible label is then a run of whole words of the node's accessible
 * name (which holds the whole key), as WCAG 2.5.3 (label in name) asks. The longest such end of
 * the key that fits is kept, `…/summary_by_day` for `warehouse/trades/summary_by_day`; a last
 * word too long for the room is kept whole and {@link NodeLabel.cut}.
 */
export function fitLabel(key: string, room: number, width: (text: string) => number): NodeLabel {
  if (width(key) <= room) return { text: key, cut: false };
  let shortest = key;
  for (let i = 1; i < key.length; i++) {
    if (!BREAKS.has(key.charAt(i)) || !HAS_WORD.test(key.slice(i + 1))) continue;
    const text = ELLIPSIS + key.slice(i);
    if (width(text) <= room) return { text, cut: false };
    shortest = text;
  }
  return { text: shortest, cut: true };
}
