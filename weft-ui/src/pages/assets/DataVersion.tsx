/** Characters of a data version shown; the whole one is in the title. */
export const VERSION_CHARS = 12;

/** A data version (often a 64-character hash), shortened, the whole of it on hover. */
export function DataVersion({ value }: { value: string | undefined }) {
  if (value === undefined) return <span className="muted">—</span>;
  const short = value.length > VERSION_CHARS ? `${value.slice(0, VERSION_CHARS)}…` : value;
  return (
    <span className="mono" title={value}>
      {short}
    </span>
  );
}
