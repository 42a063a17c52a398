import { attr, text, type HistoryEvent } from "../../components/timeline/history";

/** A run the page links to. */
export interface RunLink {
  workflowId: string;
  runId?: string;
  /** How it relates to this run, e.g. "Parent", "Child Ship", "Continued from". */
  relation: string;
}

/**
 * The runs a history names: the parent (the start event's `parent`), the run it continues
 * (`continuedFromRunId`), its children (with their last run once closed) and the next run
 * (continue-as-new or a retry).
 */
export function runLinks(events: readonly HistoryEvent[], workflowId: string): RunLink[] {
  const links: RunLink[] = [];
  const children = new Map<number, RunLink>();
  for (const e of events) {
    switch (e.attributes.type) {
      case "WorkflowStarted": {
        const parent = attr(e, "parent");
        if (typeof parent === "object" && parent !== null) {
          const p = parent as Record<string, unknown>;
          if (typeof p.workflowId === "string") {
            links.push({
              workflowId: p.workflowId,
              runId: typeof p.runId === "string" ? p.runId : undefined,
              relation: "Parent",
            });
          }
        }
        const from = text(e, "continuedFromRunId");
        if (from !== undefined) links.push({ workflowId, runId: from, relation: "Previous run" });
        break;
      }
      case "StartChildWorkflowInitiated": {
        const child: RunLink = {
          workflowId: text(e, "workflowId") ?? "?",
          runId: text(e, "runId"),
          relation: `Child ${text(e, "workflowType") ?? ""}`.trim(),
        };
        children.set(Number(attr(e, "seq")), child);
        links.push(child);
        break;
      }
      case "ChildWorkflowClosed": {
        const child = children.get(Number(attr(e, "seq")));
        const runId = text(e, "runId");
        if (child !== undefined && runId !== undefined) child.runId = runId;
        break;
      }
      case "WorkflowContinuedAsNew":
      case "WorkflowFailed":
      case "WorkflowTimedOut": {
        const next = text(e, "newRunId");
        if (next !== undefined) links.push({ workflowId, runId: next, relation: "Next run" });
        break;
      }
    }
  }
  return links;
}
