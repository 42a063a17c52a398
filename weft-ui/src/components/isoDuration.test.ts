import { durationText } from "./isoDuration";

test("ISO durations read as words, normalised to d/h/min/s, zero parts left out", () => {
  expect(durationText("PT0S")).toBe("0 s");
  expect(durationText("PT1M30.54S")).toBe("1 min 30.5 s");
  expect(durationText("P2DT3H")).toBe("2 d 3 h");
  expect(durationText("P30D")).toBe("30 d");
  expect(durationText("PT720H")).toBe("30 d");
  expect(durationText("PT36H")).toBe("1 d 12 h");
  expect(durationText("PT90S")).toBe("1 min 30 s");
  expect(durationText("PT0.000S")).toBe("0 s");
  expect(durationText("bogus")).toBe("bogus");
});
