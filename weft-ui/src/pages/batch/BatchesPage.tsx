import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { useBatches } from "./batchApi";
import "../../components/dataTable.css";

/** The namespace's recent batch operations (started from the workflows list), live. */
export function BatchesPage() {
  const { namespace = "default" } = useParams();
  const batches = useBatches(namespace);
  const ns = `/namespaces/${encodeURIComponent(namespace)}`;
  return (
    <section aria-labelledby="batches-title">
      <h1 id="batches-title">Batch operations</h1>
      {batches.error !== null && <ProblemMessage error={batches.error} />}
      {batches.isPending ? (
        <p aria-busy="true">Loading batch operations…</p>
      ) : batches.data === undefined ? null : batches.data.batchOperations.length === 0 ? (
        <p className="muted">
          No batch operation yet: start one from the <Link to={`${ns}/workflows`}>workflows list</Link> with "Apply to
          all matching…".
        </p>
      ) : (
        <table className="data-table" aria-label="Batch operations">
          <thead>
            <tr>
              <th scope="col">Job ID</th>
              <th scope="col">Operation</th>
              <th scope="col">State</th>
              <th scope="col">Filter</th>
              <th scope="col" className="num">Done</th>
              <th scope="col" className="num">Refused</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {batches.data.batchOperations.map((b) => (
              <tr key={b.jobId}>
                <td>
                  <Link to={`${ns}/batch-operations/${encodeURIComponent(b.jobId)}`}>{b.jobId}</Link>
                </td>
                <td>{b.operation}</td>
                <td>{b.state}</td>
                <td>
                  <code>{b.query}</code>
                </td>
                <td className="num">
                  {b.completeOperationCount}
                  {b.totalOperationCount !== undefined ? ` / ${b.totalOperationCount}` : ""}
                </td>
                <td className="num">{b.failureOperationCount}</td>
                <td>
                  <Time value={b.startTime} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
