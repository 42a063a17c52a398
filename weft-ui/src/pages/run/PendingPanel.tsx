import { Time } from "../../components/Time";
import { nonDeterminismOf } from "./nonDeterminism";
import type { WorkflowDescription } from "./runApi";

interface Props {
  description: WorkflowDescription;
  onSelectEvent?: (eventId: number) => void;
}

/**
 * What the run waits for (pending activities with attempt, last failure, next attempt and stall
 * reason; pending timers) and its workflow task trouble: a failing task, and a non-determinism
 * failure with both sides (what the history has, what the code asked for).
 */
export function PendingPanel({ description: d, onSelectEvent }: Props) {
  const nd = nonDeterminismOf(d);
  return (
    <section className="pending" aria-label="Pending">
      {(d.workflowTaskFailure || d.workflowTaskStallReason || d.workflowTaskAttempt > 1) && (
        <div role="alert" className="problem">
          <strong className="problem-title">
            {nd !== null ? "Non-determinism" : "Workflow task failing"} (attempt {d.workflowTaskAttempt})
          </strong>
          {d.workflowTaskStallReason && <p>{d.workflowTaskStallReason}</p>}
          {nd !== null ? (
            <>
              <p>
                Replaying run <span className="mono">{nd.runId}</span>, the code and the history diverge
                {nd.eventId !== undefined && (
                  <>
                    {" "}
                    at event{" "}
                    {onSelectEvent !== undefined ? (
                      <button type="button" className="button quiet" onClick={() => onSelectEvent(nd.eventId ?? 0)}>
                        {nd.eventId}
                      </button>
                    ) : (
                      nd.eventId
                    )}
                  </>
                )}
                .
              </p>
              <div className="nondeterminism">
                <div>
                  <strong>Expected (the history has)</strong>
                  <pre>{nd.historyHas}</pre>
                </div>
                <div>
                  <strong>Actual (the code asked for)</strong>
                  <pre>{nd.codeAskedFor}</pre>
                </div>
              </div>
            </>
          ) : (
            d.workflowTaskFailure && <pre className="run-json">{d.workflowTaskFailure}</pre>
          )}
        </div>
      )}
      <h2>Pending activities</h2>
      {d.pendingActivities.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Seq</th>
              <th>Activity</th>
              <th>Attempt</th>
              <th>State</th>
              <th>Last failure</th>
              <th>Next attempt</th>
              <th>Stall reason</th>
            </tr>
          </thead>
          <tbody>
            {d.pendingActivities.map((a) => (
              <tr key={a.seq}>
                <td>{a.seq}</td>
                <td>
                  {a.activityType}
                  {a.summary ? <span className="muted"> ({a.summary})</span> : null}
                  <div className="muted">{a.taskQueue}</div>
                </td>
                <td>{a.attempt}</td>
                <td>{a.running ? "running" : "scheduled"}</td>
                <td>{a.lastFailure ?? "—"}</td>
                <td>
                  <Time value={a.nextAttemptAt} />
                </td>
                <td>{a.stallReason ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Pending timers</h2>
      {d.pendingTimers.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Seq</th>
              <th>Fires at</th>
              <th>Summary</th>
            </tr>
          </thead>
          <tbody>
            {d.pendingTimers.map((t) => (
              <tr key={t.seq}>
                <td>{t.seq}</td>
                <td>
                  <Time value={t.fireAt} />
                </td>
                <td>{t.summary ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
