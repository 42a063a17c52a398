import { render, screen } from "@testing-library/react";
import { Time, utcText } from "./Time";

test("shows the time in the given zone with the UTC time in the title", () => {
  render(<Time value="2026-12-06T15:05:51.250Z" timeZone="Asia/Tokyo" />);
  const el = screen.getByText(/2026/);
  expect(el.tagName).toBe("TIME");
  expect(el.getAttribute("title")).toBe("2026-12-06 15:05:51.250 UTC");
  expect(el.getAttribute("datetime")).toBe("2026-12-06T15:05:51.250Z");
  // Tokyo is UTC+9: the text shows the local hour, not the UTC one
  expect(el.textContent).toMatch(/12:05:51|00:05:51/);
  expect(el.textContent).toContain("Dec");
});

test("a missing time is a dash, an unparseable one is shown as it came", () => {
  const { container } = render(
    <>
      <Time value={undefined} />
      <Time value="not a time" />
    </>,
  );
  expect(container.textContent).toBe("—not a time");
});

test("utcText", () => {
  expect(utcText(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe("2026-01-02 03:04:05.000 UTC");
});

test("times in different zones keep their own zone (a formatter is kept per zone)", () => {
  const { container } = render(
    <>
      <Time value="2026-12-06T15:05:51Z" timeZone="UTC" />|
      <Time value="2026-12-06T15:05:51Z" timeZone="Asia/Tokyo" />|
      <Time value="2026-12-06T16:05:51Z" timeZone="UTC" />
    </>,
  );
  const [utc, tokyo, later] = (container.textContent ?? "").split("|");
  expect(utc).toMatch(/03:05:51|15:05:51/);
  expect(tokyo).toMatch(/12:05:51|00:05:51/);
  expect(later).toMatch(/04:05:51|16:05:51/);
  expect(tokyo).not.toBe(utc);
});
