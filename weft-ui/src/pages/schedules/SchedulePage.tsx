import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { durationText } from "../../components/isoDuration";
import { runPath } from "../assets/assetsApi";
import { ScheduleActions } from "./ScheduleActions";
import { FiringOutcome, FiringRun, ScheduleState } from "./ScheduleBits";
import { ACTION_KIND, actionTarget, schedulesPath, specText, useSchedule, type Schedule } from "./schedulesApi";
import "../../components/dataTable.css";

/**
 * A schedule: its definition, its next fire times, its recent firings with the runs they started
 * and its counts; pause (with a note), unpause, trigger now, backfill a time range and delete, each
 * confirmed. Refreshed live, so a firing shows without a reload.
 */
export function SchedulePage() {
  const { namespace = "default", scheduleId = "" } = useParams();
  const schedule = useSchedule(namespace, scheduleId);
  const s = schedule.data;
  return (
    <section aria-labelledby="schedule-title">
      <p>
        <Link to={schedulesPath(namespace)}>← Schedules</Link>
      </p>
      <div className="toolbar">
        <h1 id="schedule-title" className="mono">
          {scheduleId}
        </h1>
        {s !== undefined && <ScheduleState paused={s.paused} note={s.note} />}
      </div>
      {schedule.error !== null && <ProblemMessage error={schedule.error} />}
      {schedule.isPending && <p aria-busy="true">Loading the schedule…</p>}
      {s !== undefined && <ScheduleDetail namespace={namespace} schedule={s} />}
    </section>
  );
}

function ScheduleDetail({ namespace, schedule: s }: { namespace: string; schedule: Schedule }) {
  const firings = [...s.recentFirings].reverse();
  return (
    <>
      <ScheduleActions namespace={namespace} schedule={s} />
      <div className="schedule-overview">
        <div>
          <h2>Definition</h2>
          <dl className="facts">
            {s.description !== undefined && (
              <>
                <dt>Description</dt>
                <dd>{s.description}</dd>
              </>
            )}
            <dt>When</dt>
            <dd className="mono">{specText(s.spec)}</dd>
            <dt>Time zone</dt>
            <dd className="mono">{s.spec.timeZone ?? "UTC"}</dd>
            <dt>Start</dt>
            <dd>{s.spec.start !== undefined ? <Time value={s.spec.start} /> : "—"}</dd>
            <dt>End</dt>
            <dd>{s.spec.end !== undefined ? <Time value={s.spec.end} /> : "—"}</dd>
            <dt>Jitter</dt>
            <dd>{s.spec.jitter !== undefined ? `up to ${durationText(s.spec.jitter)}` : "none"}</dd>
            <dt>Overlap policy</dt>
            <dd className="mono">{s.overlapPolicy}</dd>
            <dt>Catch-up window</dt>
            <dd>{durationText(s.catchUpWindow)}</dd>
            <dt>Action</dt>
            <dd>
              {ACTION_KIND[s.action.type]} <span className="mono">{actionTarget(s.action)}</span>
              {"args" in s.action && s.action.args !== undefined && s.action.args.length > 0 && (
                <>
                  {" "}
                  with <code>{JSON.stringify(s.action.args)}</code>
                </>
              )}
            </dd>
            <dt>Firings</dt>
            <dd>
              {s.started} started, {s.skipped} skipped, {s.failed} failed
            </dd>
            {s.bufferedFirings.length > 0 && (
              <>
                <dt>Buffered</dt>
                <dd>
                  {s.bufferedFirings.map((t, i) => (
                    <span key={t}>
                      {i > 0 && ", "}
                      <Time value={t} />
                    </span>
                  ))}
                </dd>
              </>
            )}
            {s.runningWorkflowIds.length > 0 && (
              <>
                <dt>Running</dt>
                <dd>
                  {s.runningWorkflowIds.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ", "}
                      <Link to={runPath(namespace, id)} className="mono">
                        {id}
                      </Link>
                    </span>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </div>
        <div>
          <h2>Next fire times</h2>
          {s.nextFireTimes.length === 0 ? (
            <p className="muted">No fire times ahead.</p>
          ) : (
            <ol className="fire-times" aria-label="Next fire times">
              {s.nextFireTimes.map((t) => (
                <li key={t}>
                  <Time value={t} />
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
      <h2>Recent firings</h2>
      {firings.length === 0 ? (
        <p className="muted">No firings yet.</p>
      ) : (
        <table className="data-table" aria-label="Recent firings">
          <thead>
            <tr>
              <th scope="col">Nominal time</th>
              <th scope="col">Handled</th>
              <th scope="col">Outcome</th>
              <th scope="col">Run</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {firings.map((f) => (
              <tr key={`${f.nominal} ${f.actual} ${f.outcome}`}>
                <td>
                  <Time value={f.nominal} />
                </td>
                <td>
                  <Time value={f.actual} />
                </td>
                <td>
                  <FiringOutcome outcome={f.outcome} />
                </td>
                <td>
                  <FiringRun namespace={namespace} firing={f} />
                </td>
                <td>{f.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
