import { memo } from "react";
import { Link } from "react-router";
import type { ActivityRow, TimelineRow } from "./deriveTimeline";
import { barGeometry, formatDuration, type TimeRange } from "./zoom";

/** What describe says about an open activity's current attempt. */
export interface PendingAttempt {
  attempt: number;
  nextAttemptAt?: number;
  lastFailure?: string;
}

interface Props {
  row: TimelineRow;
  view: TimeRange;
  top: number;
  runHref: (workflowId: string, runId?: string) => string;
  pending?: PendingAttempt;
  onSelectEvent?: (eventId: number) => void;
}

function slug(s: string): string {
  return s.replace(/[ _]/g, "-").toLowerCase();
}

function pct(f: number): string {
  return `${(f * 100).toFixed(3)}%`;
}

function label(row: TimelineRow): string {
  switch (row.kind) {
    case "activity":
      return `${row.local ? "Local activity" : "Activity"} ${row.activityType}${row.summary ? ` (${row.summary})` : ""}`;
    case "timer":
      return `Timer ${row.duration ?? ""}${row.summary ? ` (${row.summary})` : ""}`;
    case "child":
      return `Child ${row.workflowType} ${row.workflowId}`;
    case "update":
      return `Update ${row.updateName}`;
    case "marker":
      return row.label;
  }
}

function activityTitle(row: ActivityRow, pending?: PendingAttempt): string {
  const lines = [
    `${label(row)} #${row.seq}: ${row.status}`,
    row.end === null ? "open" : `took ${formatDuration(row.end - row.start)}`,
    `attempts: ${pending?.attempt ?? row.attempts}`,
    ...row.attemptSpans.map(
      (a) => `attempt ${a.attempt}: ${a.outcome} after ${formatDuration(a.end - a.start)}${a.failure ? ` (${a.failure})` : ""}`,
    ),
    ...row.failures,
  ];
  if (pending?.lastFailure) lines.push(`last failure: ${pending.lastFailure}`);
  if (pending?.nextAttemptAt) lines.push(`next attempt at ${new Date(pending.nextAttemptAt).toISOString()}`);
  return lines.join("\n");
}

/** One row of the timeline: its label and its bar (or marker) on the shared axis. */
export const TimelineRowView = memo(function TimelineRowView({ row, view, top, runHref, pending, onSelectEvent }: Props) {
  const first = row.eventIds[0];
  return (
    <div className="timeline-row" style={{ top }} data-kind={row.kind}>
      <div className="timeline-label" title={label(row)}>
        {onSelectEvent !== undefined && first !== undefined ? (
          <button type="button" onClick={() => onSelectEvent(first)}>
            {label(row)}
          </button>
        ) : (
          label(row)
        )}
      </div>
      <div className="timeline-track">{bar(row, view, runHref, pending)}</div>
    </div>
  );
});

function bar(row: TimelineRow, view: TimeRange, runHref: Props["runHref"], pending?: PendingAttempt) {
  if (row.kind === "marker") {
    if (row.time < view.from || row.time > view.to) return null;
    const left = (row.time - view.from) / (view.to - view.from);
    return (
      <span
        className={`marker ${row.markerKind}`}
        style={{ left: pct(left) }}
        title={`${row.label} at ${new Date(row.time).toISOString()}`}
      />
    );
  }
  const g = barGeometry(row.start, row.end, view);
  if (g === null) return null;
  const open = row.end === null ? " open" : "";
  const style = { left: pct(g.left), width: pct(g.width) };
  const took = row.end === null ? "open" : formatDuration(row.end - row.start);
  switch (row.kind) {
    case "activity": {
      const attempts = pending?.attempt ?? row.attempts;
      const span = (row.end ?? view.to) - row.start;
      const next =
        pending?.nextAttemptAt !== undefined ? barGeometry(pending.nextAttemptAt, pending.nextAttemptAt, view) : null;
      return (
        <>
          <span className={`bar ${slug(row.status)}${open}`} style={style} title={activityTitle(row, pending)}>
            {span > 0 &&
              row.attemptSpans.map((a) => (
                <span
                  key={a.attempt}
                  className={`attempt ${a.outcome}`}
                  style={{
                    left: pct((a.start - row.start) / span),
                    width: pct(Math.max((a.end - a.start) / span, 0.01)),
                  }}
                />
              ))}
            <span style={{ position: "relative" }}>
              {took}
              {attempts > 1 ? ` · ${attempts} attempts` : ""}
            </span>
          </span>
          {next !== null && <span className="next-attempt" style={{ left: pct(next.left) }} title="next attempt" />}
        </>
      );
    }
    case "child":
      return (
        <Link
          className={`bar ${slug(row.status)}${open}`}
          style={style}
          to={runHref(row.workflowId, row.runId)}
          title={`${label(row)}: ${row.status}${row.failure ? ` (${row.failure})` : ""}, ${took}`}
        >
          {row.workflowId} · {took}
        </Link>
      );
    case "timer":
    case "update":
      return (
        <span
          className={`bar ${slug(row.status)}${open}`}
          style={style}
          title={`${label(row)}: ${row.status}, ${took}${row.kind === "update" && row.failure ? ` (${row.failure})` : ""}`}
        >
          {took}
        </span>
      );
  }
}
