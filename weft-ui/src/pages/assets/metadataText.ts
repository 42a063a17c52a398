/** A metadata value (any JSON) as short text: strings as they are, the rest as JSON. */
export function valueText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** The entries of a JSON object (anything else has none). */
export function entriesOf(v: unknown): [string, unknown][] {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>) : [];
}
