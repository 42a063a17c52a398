import { LinePlot, type PlotPoint } from "./LinePlot";
import type { HistoryEntry } from "./assetsApi";

/**
 * The numeric metadata entries of the materializations, each as its points oldest first (the
 * history is newest first). An entry that is a number in at least one materialization is plotted
 * over the materializations that have it.
 */
export function numericSeries(entries: HistoryEntry[]): Map<string, PlotPoint[]> {
  const series = new Map<string, PlotPoint[]>();
  for (const e of [...entries].reverse()) {
    const m = e.materialization;
    const meta: unknown = m?.metadata;
    if (m === undefined || typeof meta !== "object" || meta === null || Array.isArray(meta)) continue;
    for (const [name, value] of Object.entries(meta as Record<string, unknown>)) {
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      const points = series.get(name) ?? [];
      points.push({ at: m.finishedAt, value });
      series.set(name, points);
    }
  }
  return series;
}

/** A small chart per numeric metadata entry over the loaded history. */
export function MetadataPlots({ entries }: { entries: HistoryEntry[] }) {
  const series = numericSeries(entries);
  if (series.size === 0) return <p className="muted">No numeric metadata in the loaded history.</p>;
  return (
    <div className="plots">
      {[...series.entries()].map(([name, points]) => (
        <LinePlot key={name} name={name} points={points} />
      ))}
    </div>
  );
}
