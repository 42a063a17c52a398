interface Props {
  /** An RFC 3339 time (as the API writes it), a Date, or nothing (shows a dash). */
  value: string | Date | null | undefined;
  /** The zone to show; the user's own unless set (tests set it). */
  timeZone?: string;
}

/** The UTC form shown on hover, e.g. `2026-12-06 15:05:51.123 UTC`. */
export function utcText(d: Date): string {
  return d.toISOString().replace("T", " ").replace("Z", " UTC");
}

/**
 * The formatters by zone (`""`: the user's own). Making an `Intl.DateTimeFormat` costs far more
 * than formatting with one (about a millisecond against microseconds): a list of times, scrolled,
 * would spend its frames making them.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(undefined, {
      year: "numeric",
      month: "short",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZone,
    });
    formatters.set(key, f);
  }
  return f;
}

/** A time in the user's zone, with the UTC time in its `title`. */
export function Time({ value, timeZone }: Props) {
  if (value === null || value === undefined || value === "") {
    return <span aria-label="no time">—</span>;
  }
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) {
    return <span>{String(value)}</span>;
  }
  const local = formatter(timeZone).format(d);
  return (
    <time dateTime={d.toISOString()} title={utcText(d)}>
      {local}
    </time>
  );
}
