import type { AssetStatus } from "./assetsApi";

/** The words and a shape for each status, so the badge does not rely on its colour. */
const LOOK: Record<AssetStatus, { label: string; mark: string }> = {
  FRESH: { label: "Fresh", mark: "✓" },
  STALE: { label: "Stale", mark: "↻" },
  MISSING: { label: "Missing", mark: "○" },
  FAILED: { label: "Failed", mark: "✕" },
};

/** The label of a status, e.g. "Stale". */
export function assetStatusLabel(status: AssetStatus): string {
  return LOOK[status].label;
}

/** An asset's status as a coloured badge with a mark and its name (never colour alone). */
export function AssetStatusBadge({ status }: { status: AssetStatus }) {
  const look = LOOK[status];
  return (
    <span className={`asset-badge asset-${status}`}>
      <span aria-hidden="true">{look.mark}</span> {look.label}
    </span>
  );
}
