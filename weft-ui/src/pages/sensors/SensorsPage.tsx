import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { SensorState } from "./SensorState";
import { evaluationResult, sensorPath, triggerText, useSensors, type SensorSummary } from "./sensorsApi";
import "../../components/dataTable.css";
import "./sensors.css";

/**
 * The sensors of the namespace: interval (or the assets it watches), state (a failing one stands out with its failures and
 * error), cursor, and the time and result of the last evaluation. Refreshed every few seconds.
 */
export function SensorsPage() {
  const { namespace = "default" } = useParams();
  const sensors = useSensors(namespace);
  const list = sensors.data?.sensors ?? [];
  const failing = list.filter((s) => s.status === "FAILING");
  return (
    <section aria-labelledby="sensors-title">
      <h1 id="sensors-title">Sensors</h1>
      {sensors.error !== null && <ProblemMessage error={sensors.error} />}
      {failing.length > 0 && (
        <p className="failing-summary">
          <strong>
            <span aria-hidden="true">⚠ </span>
            {failing.length === 1 ? "1 sensor is failing" : `${failing.length} sensors are failing`}:
          </strong>{" "}
          {failing.map((s, i) => (
            <span key={s.name}>
              {i > 0 && ", "}
              <Link to={sensorPath(namespace, s.name)}>{s.name}</Link>
            </span>
          ))}
        </p>
      )}
      {sensors.isPending ? (
        <p aria-busy="true">Loading the sensors…</p>
      ) : sensors.error !== null ? null : list.length === 0 ? (
        <NoSensors />
      ) : (
        <table className="data-table" aria-label="Sensors">
          <thead>
            <tr>
              <th scope="col">Sensor</th>
              <th scope="col">Interval</th>
              <th scope="col">State</th>
              <th scope="col">Cursor</th>
              <th scope="col">Last evaluation</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.name} className={s.status === "FAILING" ? "sensor-failing" : undefined}>
                <td>
                  <Link to={sensorPath(namespace, s.name)} className="mono">
                    {s.name}
                  </Link>
                </td>
                <td>{triggerText(s)}</td>
                <td>
                  <SensorState sensor={s} />
                </td>
                <td className="mono">{s.cursor ?? <span className="muted">none</span>}</td>
                <td>
                  <Time value={s.lastEvaluationAt} />
                </td>
                <td>
                  <LastResult sensor={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The result of the sensor's latest evaluation, from the list answer. */
function LastResult({ sensor: s }: { sensor: SensorSummary }) {
  const last = s.lastEvaluation;
  if (last !== undefined) {
    return <span className={last.error != null ? "sensor-error" : undefined}>{evaluationResult(last)}</span>;
  }
  if (s.status === "FAILING" && s.lastError != null) return <span className="sensor-error">error: {s.lastError}</span>;
  return <span className="muted">not evaluated yet</span>;
}

/** The empty state: how an app defines sensors. */
export function NoSensors() {
  return (
    <div className="how-to">
      <p>No sensors run in this namespace.</p>
      <p>
        An app defines sensors in code with <code>Sensors.builder(engine)</code>: each has a name, an interval and a
        function that reads its cursor and returns run requests (each with a dedupe key) or a skip reason. They start
        with the app's engine.
      </p>
      <pre>
        <code>{`Sensors.builder(engine)
    .sensor(SensorDefinition.of("new-files", Duration.ofSeconds(30), new NewFilesSensor()))
    .build();`}</code>
      </pre>
    </div>
  );
}
