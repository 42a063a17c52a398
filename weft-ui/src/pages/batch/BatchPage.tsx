import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "../../components/ConfirmAction";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { stopBatch, useBatch, type Batch } from "./batchApi";
import "../../components/dataTable.css";

/** One batch operation: its filter, live progress, the runs it was refused for, and Stop. */
export function BatchPage() {
  const { namespace = "default", jobId = "" } = useParams();
  const batch = useBatch(namespace, jobId);
  return (
    <section aria-labelledby="batch-title">
      <p>
        <Link to={`/namespaces/${encodeURIComponent(namespace)}/batch-operations`}>All batch operations</Link>
      </p>
      <h1 id="batch-title">Batch {jobId}</h1>
      {batch.error !== null && <ProblemMessage error={batch.error} />}
      {batch.isPending && <p aria-busy="true">Loading the batch…</p>}
      {batch.data !== undefined && <BatchView namespace={namespace} batch={batch.data} />}
    </section>
  );
}

function BatchView({ namespace, batch }: { namespace: string; batch: Batch }) {
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const done = batch.completeOperationCount + batch.failureOperationCount;
  const total = batch.totalOperationCount;
  return (
    <>
      <dl className="facts">
        <dt>Operation</dt>
        <dd>{batch.operation}</dd>
        <dt>State</dt>
        <dd className={batch.state === "RUNNING" ? "state-live" : batch.state === "COMPLETED" ? "" : "state-dead"}>
          {batch.state}
        </dd>
        <dt>Filter</dt>
        <dd>
          <code>{batch.query}</code>
        </dd>
        <dt>Reason</dt>
        <dd>{batch.reason}</dd>
        <dt>Started</dt>
        <dd>
          <Time value={batch.startTime} />
        </dd>
        <dt>Closed</dt>
        <dd>
          <Time value={batch.closeTime} />
        </dd>
        <dt>Progress</dt>
        <dd>
          {total !== undefined && total > 0 && (
            <progress max={total} value={done} aria-label="Batch progress">
              {done} of {total}
            </progress>
          )}{" "}
          <span data-testid="batch-progress">
            {batch.completeOperationCount} done, {batch.failureOperationCount} refused
            {total !== undefined ? ` of ${total}` : ""}
          </span>
        </dd>
      </dl>
      {batch.state === "RUNNING" && (
        <div className="toolbar">
          <ConfirmAction
            label="Stop"
            title={`Stop batch ${batch.jobId}?`}
            danger
            confirmDisabled={reason.trim() === ""}
            onConfirm={() => stopBatch(namespace, batch.jobId, reason)}
            onDone={() => void client.invalidateQueries({ queryKey: ["batch", namespace, batch.jobId] })}
          >
            <p>Runs not reached yet are left as they are; runs already done stay done.</p>
            <label className="field">
              Reason
              <input value={reason} onChange={(e) => setReason(e.target.value)} required />
            </label>
          </ConfirmAction>
        </div>
      )}
      {batch.failures.length > 0 && (
        <>
          <h2>Refused runs</h2>
          <table className="data-table" aria-label="Refused runs">
            <thead>
              <tr>
                <th scope="col">Workflow ID</th>
                <th scope="col">Run ID</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {batch.failures.map((f) => (
                <tr key={f.runId}>
                  <td>
                    <Link
                      to={`/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(f.workflowId)}?runId=${encodeURIComponent(f.runId)}`}
                    >
                      {f.workflowId}
                    </Link>
                  </td>
                  <td>{f.runId}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
