import type { components } from "../../api/schema.gen";

/** A run's status as the API writes it. */
export type WorkflowStatus = components["schemas"]["WorkflowStatus"];

/** Every status, in the order the counts show them. */
export const STATUSES: readonly WorkflowStatus[] = [
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "CANCELED",
  "TERMINATED",
  "TIMED_OUT",
  "CONTINUED_AS_NEW",
];

/** `CONTINUED_AS_NEW` → `Continued as new`. */
export function statusLabel(s: WorkflowStatus): string {
  const words = s.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Splits a filter into its condition and its ORDER BY clause (outside quotes and parentheses), so
 * that a condition can be combined with another.
 */
export function splitOrderBy(filter: string): { where: string; orderBy: string } {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < filter.length; i++) {
    const c = filter.charAt(i);
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
    } else if (depth === 0 && /^ORDER\s+BY\b/i.test(filter.slice(i)) && (i === 0 || /\s|\)/.test(filter.charAt(i - 1)))) {
      return { where: filter.slice(0, i).trim(), orderBy: filter.slice(i).trim() };
    }
  }
  return { where: filter.trim(), orderBy: "" };
}

/** The filter narrowed to one status: `(filter) AND ExecutionStatus = 'RUNNING'`, no ORDER BY. */
export function withStatus(filter: string, status: WorkflowStatus): string {
  const { where } = splitOrderBy(filter);
  const condition = `ExecutionStatus = '${status}'`;
  return where === "" ? condition : `(${where}) AND ${condition}`;
}

/**
 * The 1-based position the server's `invalid-query` detail names ("... at position 27: ..."), or
 * null when it names none.
 */
export function errorPosition(detail: string): number | null {
  const all = [...detail.matchAll(/at position (\d+)/g)];
  const last = all.at(-1);
  return last?.[1] !== undefined ? Number(last[1]) : null;
}
