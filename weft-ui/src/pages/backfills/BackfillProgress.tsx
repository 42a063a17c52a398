import { PROGRESS_LABEL, PROGRESS_ORDER, type BackfillCounts } from "./backfillsApi";
import "../partitions/partitions.css";

/** The progress of a backfill (or of one asset in it) in words. */
export function progressText(partitions: number, counts: BackfillCounts): string {
  const parts = PROGRESS_ORDER.filter((s) => counts[s] > 0).map(
    (s) => `${counts[s].toLocaleString("en-US")} ${PROGRESS_LABEL[s]}`,
  );
  return `${partitions.toLocaleString("en-US")} ${partitions === 1 ? "partition" : "partitions"}${
    parts.length > 0 ? `: ${parts.join(", ")}` : ""
  }`;
}

/**
 * A horizontal bar stacked by MATERIALIZED, FAILED, IN_PROGRESS, SKIPPED and PENDING, with the
 * counts in words as its accessible name (and as text beside it). A state with any partition
 * keeps a visible sliver however small its share.
 */
export function BackfillProgress({ label, partitions, counts }: { label: string; partitions: number; counts: BackfillCounts }) {
  const text = progressText(partitions, counts);
  return (
    <div className="backfill-progress toolbar">
      <div className="stacked" role="img" aria-label={`${label}: ${text}`}>
        {PROGRESS_ORDER.filter((s) => counts[s] > 0).map((s) => (
          <span
            key={s}
            className={`swatch-${s}`}
            style={{ width: `${(100 * counts[s]) / Math.max(1, partitions)}%`, minWidth: "2px" }}
          />
        ))}
      </div>
      <span>{text}</span>
    </div>
  );
}
