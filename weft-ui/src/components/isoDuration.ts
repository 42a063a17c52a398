/**
 * An ISO-8601 duration as the API writes it (`PT0S`, `PT1M30.5S`, `PT720H`, `P2DT3H`) in words for
 * a table, normalised to days, hours, minutes and seconds, e.g. `1 min 30.5 s`, `30 d`; a value it
 * cannot read is shown as it came.
 */
export function durationText(iso: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (m === null) return iso;
  const [, d = "0", h = "0", min = "0", s = "0"] = m;
  let rest = Number(d) * 86_400 + Number(h) * 3600 + Number(min) * 60 + Number(s);
  const parts: string[] = [];
  for (const [unit, size] of [
    ["d", 86_400],
    ["h", 3600],
    ["min", 60],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    rest -= n * size;
  }
  const secs = Number(rest.toFixed(1));
  if (secs > 0) parts.push(`${secs} s`);
  return parts.length === 0 ? "0 s" : parts.join(" ");
}
