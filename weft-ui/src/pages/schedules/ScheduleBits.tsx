import { Link } from "react-router";
import { runPath } from "../assets/assetsApi";
import type { ScheduleFiring } from "./schedulesApi";
import "./schedules.css";

/** A schedule's state: active, or paused with its note. */
export function ScheduleState({ paused, note }: { paused: boolean; note?: string }) {
  return (
    <span>
      <span className={`schedule-state schedule-${paused ? "paused" : "active"}`}>{paused ? "paused" : "active"}</span>
      {paused && note !== undefined && note !== "" && <span className="schedule-note">{note}</span>}
    </span>
  );
}

/** A firing's outcome as a pill. */
export function FiringOutcome({ outcome }: { outcome: ScheduleFiring["outcome"] }) {
  return <span className={`firing-outcome firing-${outcome}`}>{outcome}</span>;
}

/**
 * The run a firing started, linked to its run page (the exact run when the answer names it), or
 * the workflow it signaled; a dash when it started nothing (skipped, buffered, failed).
 */
export function FiringRun({ namespace, firing }: { namespace: string; firing: ScheduleFiring }) {
  if (firing.workflowId === undefined || (firing.runId === undefined && firing.outcome !== "STARTED")) {
    return <span className="muted">—</span>;
  }
  return (
    <Link to={runPath(namespace, firing.workflowId, firing.runId)} className="mono">
      {firing.workflowId}
    </Link>
  );
}
