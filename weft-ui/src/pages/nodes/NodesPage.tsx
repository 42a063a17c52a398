import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import "../../components/dataTable.css";

/** The nodes page refreshes this often (heartbeats come every 10 s). */
export const NODES_REFRESH_MS = 2000;

/** The engine nodes sharing the store: who they are, when they last beat, which queues they serve. */
export function NodesPage() {
  const nodes = useQuery({
    queryKey: ["nodes"],
    queryFn: async () => dataOr(await api.GET("/api/v1/nodes")).nodes,
    refetchInterval: NODES_REFRESH_MS,
  });
  return (
    <section aria-labelledby="nodes-title">
      <h1 id="nodes-title">Nodes</h1>
      {nodes.error !== null && <ProblemMessage error={nodes.error} />}
      {nodes.isPending ? (
        <p aria-busy="true">Loading nodes…</p>
      ) : nodes.data === undefined ? null : nodes.data.length === 0 ? (
        <p className="muted">No node has registered with the store.</p>
      ) : (
        <table className="data-table" aria-label="Nodes">
          <thead>
            <tr>
              <th scope="col">Node ID</th>
              <th scope="col">Host</th>
              <th scope="col" className="num">PID</th>
              <th scope="col">Started</th>
              <th scope="col">Last heartbeat</th>
              <th scope="col">State</th>
              <th scope="col">Version</th>
              <th scope="col">Task queues</th>
            </tr>
          </thead>
          <tbody>
            {nodes.data.map((n) => (
              <tr key={n.nodeId}>
                <td>{n.nodeId}</td>
                <td>{n.host}</td>
                <td className="num">{n.processId}</td>
                <td>
                  <Time value={n.startTime} />
                </td>
                <td>
                  <Time value={n.lastHeartbeat} />
                </td>
                <td>{n.live ? <span className="state-live">Live</span> : <span className="state-dead">Dead</span>}</td>
                <td>{n.version}</td>
                <td>{n.taskQueues.length === 0 ? <span className="muted">none</span> : n.taskQueues.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
