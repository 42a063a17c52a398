import { ASSET_STATUSES, type AssetStatus, type AssetSummary } from "./assetsApi";

/** The catalog's filter, as kept in the URL (`?q=&group=&status=`). */
export interface CatalogFilter {
  /** Text the key must contain (case-insensitive); empty for any. */
  text: string;
  /** The group, or empty for any. */
  group: string;
  /** The status, or null for any. */
  status: AssetStatus | null;
}

/** The filter in `params` (an unknown status is ignored). */
export function filterOf(params: URLSearchParams): CatalogFilter {
  const s = params.get("status");
  return {
    text: params.get("q") ?? "",
    group: params.get("group") ?? "",
    status: ASSET_STATUSES.find((x) => x === s) ?? null,
  };
}

/** The URL parameters of a filter (empty parts left out). */
export function paramsOf(f: CatalogFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.text !== "") out.q = f.text;
  if (f.group !== "") out.group = f.group;
  if (f.status !== null) out.status = f.status;
  return out;
}

function matchesTextAndGroup(a: AssetSummary, f: CatalogFilter, needle: string): boolean {
  return (needle === "" || a.assetKey.toLowerCase().includes(needle)) && (f.group === "" || a.group === f.group);
}

/** The assets the filter keeps, in the catalog's order. */
export function applyFilter(assets: AssetSummary[], f: CatalogFilter): AssetSummary[] {
  const needle = f.text.trim().toLowerCase();
  return assets.filter((a) => matchesTextAndGroup(a, f, needle) && (f.status === null || a.status === f.status));
}

/** How many assets of the text and group filter are in each status (the status filter aside). */
export function countByStatus(assets: AssetSummary[], f: CatalogFilter): Map<AssetStatus, number> {
  const needle = f.text.trim().toLowerCase();
  const counts = new Map<AssetStatus, number>(ASSET_STATUSES.map((s) => [s, 0]));
  for (const a of assets) {
    if (matchesTextAndGroup(a, f, needle)) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  }
  return counts;
}

/** The groups of the catalog, sorted. */
export function groupsOf(assets: AssetSummary[]): string[] {
  return [...new Set(assets.map((a) => a.group).filter((g): g is string => g !== undefined))].sort();
}
