import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { FiringOutcome, FiringRun, ScheduleState } from "./ScheduleBits";
import {
  ACTION_KIND,
  actionTarget,
  schedulePath,
  specText,
  useSchedules,
  type ScheduleSummary,
} from "./schedulesApi";
import "../../components/dataTable.css";

/**
 * Every schedule of the namespace: when it fires, what it does, whether it is paused (and why),
 * its next fire time and its last firing with the run it started, all from the list answer.
 * Refreshed live.
 */
export function SchedulesPage() {
  const { namespace = "default" } = useParams();
  const schedules = useSchedules(namespace);
  const list = schedules.data?.schedules ?? [];
  return (
    <section aria-labelledby="schedules-title">
      <div className="toolbar">
        <h1 id="schedules-title">Schedules</h1>
      </div>
      {schedules.error !== null && <ProblemMessage error={schedules.error} />}
      {schedules.isPending ? (
        <p aria-busy="true">Loading the schedules…</p>
      ) : list.length === 0 ? (
        schedules.error === null && <EmptyState />
      ) : (
        <table className="data-table" aria-label="Schedules">
          <thead>
            <tr>
              <th scope="col">Schedule</th>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">State</th>
              <th scope="col">Next fire time</th>
              <th scope="col">Last firing</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <ScheduleRow key={s.id} namespace={namespace} summary={s} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ScheduleRow({ namespace, summary: s }: { namespace: string; summary: ScheduleSummary }) {
  const last = s.lastFiring;
  return (
    <tr>
      <td>
        <Link to={schedulePath(namespace, s.id)} className="mono schedules-nowrap">
          {s.id}
        </Link>
      </td>
      <td className="mono schedules-nowrap">{specText(s.spec)}</td>
      <td>
        {ACTION_KIND[s.actionType]} <span className="mono">{actionTarget(s.action)}</span>
      </td>
      <td>
        <ScheduleState paused={s.paused} note={s.note} />
      </td>
      <td>
        <Time value={s.nextFireTime} />
      </td>
      <td>
        {last === undefined ? (
          <span className="muted">none yet</span>
        ) : (
          <span className="last-firing">
            <Time value={last.nominal} />
            <FiringOutcome outcome={last.outcome} />
            <FiringRun namespace={namespace} firing={last} />
          </span>
        )}
      </td>
    </tr>
  );
}

function EmptyState() {
  return (
    <div className="muted">
      <p>No schedules in this namespace yet.</p>
      <p>
        Create one with the CLI, e.g.{" "}
        <code>weft schedule create nightly --cron &quot;0 2 * * *&quot; --time-zone Europe/Paris --workflow-type Report --task-queue reports</code>
        , over the API (<code>POST /api/v1/namespaces/{"{namespace}"}/schedules</code>), or in an app&apos;s code with{" "}
        <code>Schedules.builder(engine).schedule(ScheduleDefinition.of(…))</code>.
      </p>
    </div>
  );
}
