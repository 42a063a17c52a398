import { ProblemError } from "../../api/problem";
import type { BackfillRequest } from "./backfillsApi";

/** The launcher's fields, as typed. */
export interface BackfillForm {
  selection: string;
  mode: "range" | "keys";
  from: string;
  to: string;
  keys: string;
  maxConcurrentRuns: string;
}

/** A launcher field a problem can be shown next to; `form` for the rest. */
export type FormField = "selection" | "from" | "to" | "keys" | "maxConcurrentRuns" | "form";

/** The keys typed: one per line or separated by commas, blanks dropped. */
export function keysOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

/**
 * The request the form describes, or the first field that is wrong with a message naming it and
 * what is expected (the server checks the rest: keys outside the definition, empty ranges).
 */
export function requestOf(form: BackfillForm): { request: BackfillRequest } | { field: FormField; message: string } {
  const selection = form.selection.trim();
  if (selection === "") return { field: "selection", message: "Selection is required, e.g. trades/* or +chain/blocks." };
  const max = form.maxConcurrentRuns.trim();
  const runs = Number(max);
  if (!/^\d+$/.test(max) || !Number.isSafeInteger(runs) || runs < 1) {
    return { field: "maxConcurrentRuns", message: `Max concurrent runs must be a whole number of at least 1, not "${max}".` };
  }
  if (form.mode === "keys") {
    const keys = keysOf(form.keys);
    if (keys.length === 0) return { field: "keys", message: "Give at least one partition key." };
    return { request: { selection, partitions: { keys }, maxConcurrentRuns: runs } };
  }
  const from = form.from.trim();
  const to = form.to.trim();
  if (from === "") return { field: "from", message: "From key is required (the first partition of the range)." };
  if (to === "") return { field: "to", message: "To key is required (the last partition of the range, inclusive)." };
  return { request: { selection, partitions: { from, to }, maxConcurrentRuns: runs } };
}

/**
 * The field a refusal of the server is about, read from the problem's `field` (`selection`,
 * `partitions.from`, `to`, `keys[2]`, `maxConcurrentRuns`...) or, without one, from its type
 * (`invalid-selection` and `unknown-asset` are about the selection, `empty-partition-range` about
 * the range); `form` when it names none of them.
 */
export function fieldOfProblem(error: unknown, mode: BackfillForm["mode"]): FormField {
  if (!(error instanceof ProblemError)) return "form";
  const p = error.problem;
  const f = p.field ?? "";
  if (/selection/i.test(f)) return "selection";
  if (/maxConcurrentRuns/i.test(f)) return "maxConcurrentRuns";
  if (/keys/i.test(f)) return "keys";
  if (/(^|\.)from$/i.test(f)) return "from";
  if (/(^|\.)to$/i.test(f)) return "to";
  const type = p.type.split("/").pop() ?? "";
  if (type === "invalid-selection" || type === "unknown-asset") return "selection";
  if (type === "empty-partition-range" || type === "invalid-partition-key") return mode === "keys" ? "keys" : "from";
  return "form";
}
