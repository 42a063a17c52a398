import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "../../components/ConfirmAction";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { durationText } from "../../components/isoDuration";
import { pauseTaskQueue, resumeTaskQueue, useTaskQueue, type TaskQueue } from "./taskQueuesApi";
import "../../components/dataTable.css";

/** One task queue: its backlog, whether it is paused (and why), its pollers, pause and resume. */
export function TaskQueuePage() {
  const { namespace = "default", taskQueue = "" } = useParams();
  const queue = useTaskQueue(namespace, taskQueue);
  return (
    <section aria-labelledby="tq-title">
      <p>
        <Link to={`/namespaces/${encodeURIComponent(namespace)}/task-queues`}>All task queues</Link>
      </p>
      <h1 id="tq-title">Task queue {taskQueue}</h1>
      {queue.error !== null && <ProblemMessage error={queue.error} />}
      {queue.isPending && <p aria-busy="true">Loading the task queue…</p>}
      {queue.data !== undefined && <QueueView namespace={namespace} queue={queue.data} />}
    </section>
  );
}

function QueueView({ namespace, queue }: { namespace: string; queue: TaskQueue }) {
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const refresh = () => void client.invalidateQueries({ queryKey: ["task-queue", namespace, queue.taskQueue] });
  return (
    <>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          {queue.paused ? (
            <span className="state-paused">Paused{queue.pauseReason ? `: ${queue.pauseReason}` : ""}</span>
          ) : (
            "Active"
          )}
        </dd>
        <dt>Workflow tasks waiting</dt>
        <dd>{queue.backlog.workflowTasks.toLocaleString()}</dd>
        <dt>Activity tasks waiting</dt>
        <dd>{queue.backlog.activityTasks.toLocaleString()}</dd>
        <dt>Oldest task age</dt>
        <dd>{durationText(queue.backlog.oldestTaskAge)}</dd>
        <dt>Described at</dt>
        <dd>
          <Time value={queue.describedAt} />
        </dd>
      </dl>
      <div className="toolbar">
        {queue.paused ? (
          <ConfirmAction
            label="Resume"
            title={`Resume ${queue.taskQueue}?`}
            onConfirm={() => resumeTaskQueue(namespace, queue.taskQueue)}
            onDone={refresh}
          >
            <p>Workers take the queue's tasks again.</p>
          </ConfirmAction>
        ) : (
          <ConfirmAction
            label="Pause"
            title={`Pause ${queue.taskQueue}?`}
            danger
            onConfirm={() => pauseTaskQueue(namespace, queue.taskQueue, reason)}
            onDone={() => {
              setReason("");
              refresh();
            }}
          >
            <p>No worker takes the queue's tasks until it is resumed; they wait in the backlog.</p>
            <label className="field">
              Reason
              <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
          </ConfirmAction>
        )}
      </div>
      <h2>Pollers</h2>
      {queue.pollers.length === 0 ? (
        <p className="muted">No worker polled this queue recently.</p>
      ) : (
        <table className="data-table" aria-label="Pollers">
          <thead>
            <tr>
              <th scope="col">Identity</th>
              <th scope="col">Kind</th>
              <th scope="col">Where</th>
              <th scope="col">Last poll</th>
            </tr>
          </thead>
          <tbody>
            {queue.pollers.map((p) => (
              <tr key={`${p.identity}/${p.kind}`}>
                <td>{p.identity}</td>
                <td>{p.kind === "WORKFLOW" ? "Workflow" : "Activity"}</td>
                <td>{p.remote ? "Remote (HTTP)" : "In process"}</td>
                <td>
                  <Time value={p.lastPollTime} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
