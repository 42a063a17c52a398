import { Link } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { reasonText, useRunsNeedingAttention } from "./attentionApi";

/**
 * Running runs whose workflow task is failing or stalled, or whose activities are retrying or
 * stalled: every such run of the namespace, newest first, from one indexed read per page (`GET
 * .../attention`), with "More" for the next page; refreshed every 10 s.
 */
export function AttentionSection({ namespace }: { namespace: string }) {
  const attention = useRunsNeedingAttention(namespace);
  const runs = attention.data?.pages.flatMap((p) => p.runs) ?? [];
  const ns = `/namespaces/${encodeURIComponent(namespace)}`;
  return (
    <section aria-labelledby="attention-title">
      <h2 id="attention-title">Attention</h2>
      <p className="muted">
        Running runs whose workflow task is failing or stalled, or whose activities are retrying or stalled.
      </p>
      {attention.error !== null && <ProblemMessage error={attention.error} />}
      {attention.isPending && <p aria-busy="true">Checking running runs…</p>}
      {attention.data !== undefined &&
        (runs.length === 0 && !attention.hasNextPage ? (
          <p>No running run needs attention.</p>
        ) : (
          <table className="data-table" aria-label="Runs needing attention">
            <thead>
              <tr>
                <th scope="col">Workflow ID</th>
                <th scope="col">Type</th>
                <th scope="col">Task queue</th>
                <th scope="col">Started</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.runId}>
                  <td>
                    <Link to={`${ns}/workflows/${encodeURIComponent(r.workflowId)}?runId=${encodeURIComponent(r.runId)}`}>
                      {r.workflowId}
                    </Link>
                  </td>
                  <td>{r.workflowType}</td>
                  <td>{r.taskQueue}</td>
                  <td>
                    <Time value={r.startTime} />
                  </td>
                  <td>{r.reasons.map(reasonText).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {attention.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={attention.isFetchingNextPage}
          onClick={() => void attention.fetchNextPage()}
        >
          {attention.isFetchingNextPage ? "Loading…" : "More"}
        </button>
      )}
    </section>
  );
}
