import { durationText } from "./isoDuration";

test("ISO durations read as words, zero parts left out", () => {
  expect(durationText("PT0S")).toBe("0 s");
  expect(durationText("PT1M30.54S")).toBe("1 min 30.5 s");
  expect(durationText("P2DT3H")).toBe("2 d 3 h");
  expect(durationText("P30D")).toBe("30 d");
  expect(durationText("PT0.000S")).toBe("0 s");
  expect(durationText("bogus")).toBe("bogus");
});
