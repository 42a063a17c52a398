import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { durationText } from "../../components/isoDuration";
import { AttentionSection } from "./AttentionSection";
import { useTaskQueues } from "./taskQueuesApi";
import "../../components/dataTable.css";

/** The task queues of a namespace: backlog, oldest task age, paused, pollers; live. */
export function TaskQueuesPage() {
  const { namespace = "default" } = useParams();
  const queues = useTaskQueues(namespace);
  const ns = `/namespaces/${encodeURIComponent(namespace)}`;
  return (
    <section aria-labelledby="tq-title">
      <h1 id="tq-title">Task queues</h1>
      {queues.error !== null && <ProblemMessage error={queues.error} />}
      {queues.isPending ? (
        <p aria-busy="true">Loading task queues…</p>
      ) : queues.data === undefined ? null : queues.data.length === 0 ? (
        <p className="muted">No task queue has tasks or pollers in this namespace.</p>
      ) : (
        <table className="data-table" aria-label="Task queues">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">Workflow tasks</th>
              <th scope="col" className="num">Activity tasks</th>
              <th scope="col">Oldest task age</th>
              <th scope="col">State</th>
              <th scope="col" className="num">Pollers</th>
            </tr>
          </thead>
          <tbody>
            {queues.data.map((q) => (
              <tr key={q.taskQueue}>
                <td>
                  <Link to={`${ns}/task-queues/${encodeURIComponent(q.taskQueue)}`}>{q.taskQueue}</Link>
                </td>
                <td className="num">{q.backlog.workflowTasks.toLocaleString()}</td>
                <td className="num">{q.backlog.activityTasks.toLocaleString()}</td>
                <td>{durationText(q.backlog.oldestTaskAge)}</td>
                <td>{q.paused ? <span className="state-paused">Paused</span> : "Active"}</td>
                <td className="num">{q.pollers.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AttentionSection namespace={namespace} />
    </section>
  );
}
