/**
 * An ISO-8601 duration as the API writes it (`PT0S`, `PT1M30.5S`, `P2DT3H`) in words for a table,
 * e.g. `1 min 30.5 s`; a value it cannot read is shown as it came.
 */
export function durationText(iso: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (m === null) return iso;
  const [, d, h, min, s] = m;
  const parts: string[] = [];
  if (d !== undefined && d !== "0") parts.push(`${d} d`);
  if (h !== undefined && h !== "0") parts.push(`${h} h`);
  if (min !== undefined && min !== "0") parts.push(`${min} min`);
  if (s !== undefined && Number(s) !== 0) parts.push(`${Number(Number(s).toFixed(1))} s`);
  return parts.length === 0 ? "0 s" : parts.join(" ");
}
