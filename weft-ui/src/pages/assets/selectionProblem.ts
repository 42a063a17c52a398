import { ProblemError } from "../../api/problem";

/** What is wrong with a selection, read from the server's 400 problem. */
export type SelectionFault =
  | { kind: "syntax"; position: number; detail: string }
  | { kind: "unknown"; keys: string[]; detail: string }
  | { kind: "partitioned"; keys: string[]; backfillSelection: string; detail: string }
  | { kind: "other"; detail: string };

/**
 * The fault of a refused selection: `invalid-selection` with a 1-based position in `value`,
 * `unknown-asset` with the unknown keys in `value` (comma separated), `selection-has-partitioned-assets`
 * with the partitioned keys and the selection to backfill instead; null for any other error.
 */
export function selectionFault(error: unknown): SelectionFault | null {
  if (!(error instanceof ProblemError) || error.problem.status !== 400) return null;
  const p = error.problem;
  if (p.type.endsWith("/selection-has-partitioned-assets") || p.type === "selection-has-partitioned-assets") {
    const members = p as unknown as Record<string, unknown>;
    const listed = members.partitionedAssetKeys;
    const keys = Array.isArray(listed) ? listed.filter((k): k is string => typeof k === "string") : [];
    const backfill = members.backfillSelection;
    const selection = typeof backfill === "string" && backfill !== "" ? backfill : keys.join(", ");
    return { kind: "partitioned", keys, backfillSelection: selection, detail: p.detail };
  }
  if (p.type.endsWith("/unknown-asset") || p.type === "unknown-asset") {
    const keys = typeof p.value === "string" ? p.value.split(",").map((k) => k.trim()).filter((k) => k !== "") : [];
    return { kind: "unknown", keys, detail: p.detail };
  }
  if (p.type.endsWith("/invalid-selection") || p.type === "invalid-selection") {
    if (typeof p.value === "number" && Number.isInteger(p.value) && p.value > 0) {
      return { kind: "syntax", position: p.value, detail: p.detail };
    }
    return { kind: "other", detail: p.detail };
  }
  return null;
}
