import { estimatedLabelWidth, labelWidth } from "./labelWidth";
import { fitLabel, labelRoom } from "./nodeLabel";
import { ASSET_SIZE } from "./graphModel";

/** One px a character: the room is a number of characters. */
const chars = (text: string) => text.length;

/** The words of a text as axe's label-content-name-mismatch splits them: at non-letters and numbers. */
const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

test("a key that fits is drawn whole", () => {
  expect(fitLabel("trades/summary_by_day", 21, chars)).toEqual({ text: "trades/summary_by_day", cut: false });
});

test("a long key keeps its longest end that fits, from a segment or word separator on", () => {
  const key = "warehouse/trades/summary_by_day";
  expect(fitLabel(key, 30, chars)).toEqual({ text: "…/trades/summary_by_day", cut: false });
  expect(fitLabel(key, 16, chars)).toEqual({ text: "…/summary_by_day", cut: false });
  expect(fitLabel(key, 15, chars)).toEqual({ text: "…_by_day", cut: false });
  expect(fitLabel("a/b-c.d:e f", 2, chars)).toEqual({ text: "… f", cut: true });
  expect(fitLabel("a/b-c.d:e f", 3, chars)).toEqual({ text: "… f", cut: false });
  expect(fitLabel("a/b-c.d:e f", 6, chars)).toEqual({ text: "…:e f", cut: false });
  expect(fitLabel("a/b-c.d:e f", 7, chars)).toEqual({ text: "….d:e f", cut: false });
});

test("a shortened key is whole words of the key, the key's last ones", () => {
  const key = "warehouse/finance/reports/quarterly/revenue_by_product_line_and_region";
  for (let room = 4; room < key.length; room++) {
    const shown = words(fitLabel(key, room, chars).text);
    expect(words(key).slice(-shown.length)).toEqual(shown);
  }
});

test("a last word longer than the room is kept whole and marked cut, never split", () => {
  const oneWord = "a".repeat(60);
  expect(fitLabel(oneWord, 20, chars)).toEqual({ text: oneWord, cut: true });
  expect(fitLabel(`raw/${oneWord}`, 20, chars)).toEqual({ text: `…/${oneWord}`, cut: true });
});

test("a separator with no word after it is no place to cut", () => {
  expect(fitLabel("abc/def/", 6, chars)).toEqual({ text: "…/def/", cut: false });
  expect(fitLabel("abcdefgh/", 6, chars)).toEqual({ text: "abcdefgh/", cut: true });
});

test("the label width is estimated by the label font's metrics where there is no canvas (jsdom)", () => {
  expect(typeof OffscreenCanvas).toBe("undefined");
  expect(labelWidth("chain/decoded_blocks")).toBe(estimatedLabelWidth("chain/decoded_blocks"));
  expect(estimatedLabelWidth("mmmm")).toBeGreaterThan(estimatedLabelWidth("iiii") * 3);
  // 13 px Helvetica Bold: "m" is 889/1000 em
  expect(estimatedLabelWidth("m")).toBeCloseTo(11.557, 3);
  // the example keys fit an asset node whole
  expect(estimatedLabelWidth("chain/decoded_blocks")).toBeLessThanOrEqual(labelRoom(ASSET_SIZE.width));
});
