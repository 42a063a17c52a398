import { ProblemError } from "../../api/problem";

/** What is wrong with a selection, read from the server's 400 problem. */
export type SelectionFault =
  | { kind: "syntax"; position: number; detail: string }
  | { kind: "unknown"; keys: string[]; detail: string }
  | { kind: "other"; detail: string };

/**
 * The fault of a refused selection: `invalid-selection` with a 1-based position in `value`,
 * `unknown-asset` with the unknown keys in `value` (comma separated); null for any other error.
 */
export function selectionFault(error: unknown): SelectionFault | null {
  if (!(error instanceof ProblemError) || error.problem.status !== 400) return null;
  const p = error.problem;
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
