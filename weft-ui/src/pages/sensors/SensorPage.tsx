import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { durationText } from "../../components/isoDuration";
import { runPath } from "../assets/assetsApi";
import { SensorActions } from "./SensorActions";
import { SensorState } from "./SensorState";
import { evaluationDuration, requestOutcome, sensorsPath, useSensor, type SensorDescription, type SensorEvaluation } from "./sensorsApi";
import "../../components/dataTable.css";
import "./sensors.css";

/**
 * A sensor: its state, cursor and next evaluation, its recent evaluations newest first (cursor
 * before and after, the requests with their dedupe keys, outcomes and runs, the skip reason, the
 * duration and the error), and pause with a note, unpause and set cursor. Refreshed every few
 * seconds.
 */
export function SensorPage() {
  const { namespace = "default", name = "" } = useParams();
  const sensor = useSensor(namespace, name);
  const s = sensor.data;
  return (
    <section aria-labelledby="sensor-title">
      <p>
        <Link to={sensorsPath(namespace)}>← Sensors</Link>
      </p>
      <div className="toolbar">
        <h1 id="sensor-title" className="mono">
          {name}
        </h1>
        {s !== undefined && <SensorState sensor={s} />}
      </div>
      {sensor.error !== null && <ProblemMessage error={sensor.error} />}
      {sensor.isPending && <p aria-busy="true">Loading the sensor…</p>}
      {s !== undefined && <SensorDetail namespace={namespace} sensor={s} />}
    </section>
  );
}

function SensorDetail({ namespace, sensor: s }: { namespace: string; sensor: SensorDescription }) {
  const newestFirst = [...s.recentEvaluations].reverse();
  return (
    <>
      <SensorActions namespace={namespace} sensor={s} />
      <dl className="facts">
        {s.watchedAssets.length > 0 ? (
          <>
            <dt>Evaluated on</dt>
            <dd>
              each new materialization of{" "}
              {s.watchedAssets.map((path, i) => (
                <span key={path}>
                  {i > 0 && ", "}
                  <span className="mono">{path}</span>
                </span>
              ))}
              , at most every {durationText(s.minimumInterval)}
            </dd>
          </>
        ) : (
          <>
            <dt>Interval</dt>
            <dd>every {durationText(s.minimumInterval)} while its evaluations succeed</dd>
          </>
        )}
        <dt>Cursor</dt>
        <dd className="mono">{s.cursor ?? <span className="muted">none yet</span>}</dd>
        <dt>Next evaluation</dt>
        <dd>{s.nextEvaluationAt != null ? <Time value={s.nextEvaluationAt} /> : <span className="muted">{s.status === "PAUSED" ? "none while paused" : "on the next change"}</span>}</dd>
        <dt>Last evaluation</dt>
        <dd>
          <Time value={s.lastEvaluationAt} />
        </dd>
        <dt>Consecutive failures</dt>
        <dd>{s.consecutiveFailures}</dd>
        {s.pauseNote != null && s.status === "PAUSED" && (
          <>
            <dt>Pause note</dt>
            <dd>{s.pauseNote}</dd>
          </>
        )}
        {s.lastError != null && (
          <>
            <dt>Last error</dt>
            <dd className="sensor-error">{s.lastError}</dd>
          </>
        )}
      </dl>
      <h2>Evaluations</h2>
      <p className="muted">The latest {s.recentEvaluations.length} evaluations, newest first (at most 50 are kept).</p>
      {newestFirst.length === 0 ? (
        <p className="muted">No evaluation yet.</p>
      ) : (
        <table className="data-table" aria-label="Evaluations">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Cursor before → after</th>
              <th scope="col">Requests</th>
              <th scope="col">Skip reason</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((e, i) => (
              <EvaluationRow key={`${e.time} ${i}`} namespace={namespace} evaluation={e} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function EvaluationRow({ namespace, evaluation: e }: { namespace: string; evaluation: SensorEvaluation }) {
  const moved = e.cursorBefore !== e.cursorAfter;
  return (
    <tr className={e.error != null ? "sensor-failing" : undefined}>
      <td>
        <Time value={e.time} />
      </td>
      <td className="mono cursor-change">
        {e.cursorBefore ?? "none"} → {moved ? (e.cursorAfter ?? "none") : <span className="muted">unchanged</span>}
      </td>
      <td>
        {e.requests.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ul className="requests">
            {e.requests.map((r) => (
              <li key={r.dedupeKey}>
                <span className="mono">{r.dedupeKey}</span>: {requestOutcome(r)}{" "}
                {r.outcome != null && (
                  <Link to={runPath(namespace, r.workflowId, r.runId ?? undefined)} className="mono">
                    {r.workflowId}
                  </Link>
                )}
                {r.error != null && <span className="sensor-error"> {r.error}</span>}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{e.skipReason ?? ""}</td>
      <td className="num">{evaluationDuration(e.duration)}</td>
      <td className="sensor-error">
        {e.error != null && (
          <>
            <span aria-hidden="true">⚠ </span>
            {e.error}
          </>
        )}
      </td>
    </tr>
  );
}
