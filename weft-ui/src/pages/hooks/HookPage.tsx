import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { runPath } from "../assets/assetsApi";
import {
  SIGNATURE_HEADER,
  actionOf,
  deliveryUrl,
  hooksPath,
  idempotencyKey,
  useDeliveryOutcome,
  useHook,
  valueText,
  type HookDeliverySummary,
  type HookDescription,
  type HookValue,
} from "./hooksApi";
import "../../components/dataTable.css";
import "../sensors/sensors.css";

/**
 * A webhook: its definition (the action and its mapping, the secret's variable name, the URL to
 * POST to and the signature header) and its 20 most recent deliveries, newest first, with their
 * idempotency keys, statuses, the runs their actions started or signaled, and their errors.
 */
export function HookPage() {
  const { namespace = "default", name = "" } = useParams();
  const hook = useHook(namespace, name);
  const h = hook.data;
  return (
    <section aria-labelledby="hook-title">
      <p>
        <Link to={hooksPath(namespace)}>← Webhooks</Link>
      </p>
      <h1 id="hook-title" className="mono">
        {name}
      </h1>
      {hook.error !== null && <ProblemMessage error={hook.error} />}
      {hook.isPending && <p aria-busy="true">Loading the webhook…</p>}
      {h !== undefined && <HookDetail namespace={namespace} hook={h} />}
    </section>
  );
}

function HookDetail({ namespace, hook: h }: { namespace: string; hook: HookDescription }) {
  return (
    <>
      <dl className="facts">
        <dt>URL</dt>
        <dd>
          <code>POST {deliveryUrl(namespace, h.name)}</code>
        </dd>
        <dt>Signature</dt>
        <dd>
          header <code>{SIGNATURE_HEADER}</code>: <code>sha256=</code> and the hex HMAC-SHA256 of the raw body, keyed
          with the secret
        </dd>
        <dt>Secret</dt>
        <dd>
          in the environment variable <code>{h.secretEnv}</code> of the serving node
        </dd>
        <dt>Idempotency</dt>
        <dd>
          an <code>Idempotency-Key</code> header names the delivery; a repeated key starts nothing new
        </dd>
        <dt>Defined by</dt>
        <dd>{h.source}</dd>
        <dt>Updated</dt>
        <dd>
          <Time value={h.updatedAt} />
        </dd>
      </dl>
      <h2>Action</h2>
      <ActionFacts hook={h} />
      <h2>Recent deliveries</h2>
      {h.recentDeliveries.length === 0 ? (
        <p className="muted">No delivery yet.</p>
      ) : (
        <table className="data-table" aria-label="Recent deliveries">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Idempotency key</th>
              <th scope="col">Status</th>
              <th scope="col">Action's run</th>
              <th scope="col">Error</th>
              <th scope="col">Delivery run</th>
            </tr>
          </thead>
          <tbody>
            {h.recentDeliveries.map((d) => (
              <DeliveryRow key={`${d.deliveryId} ${d.runId}`} namespace={namespace} hook={h.name} delivery={d} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function ActionFacts({ hook }: { hook: HookDescription }) {
  const a = actionOf(hook);
  const args = (values: HookValue[] | undefined) =>
    (values ?? []).map((v, i) => (
      <MappingFact key={i} label={`Argument ${i + 1}`} value={v} />
    ));
  switch (a.type) {
    case "start":
      return (
        <dl className="facts">
          <dt>Does</dt>
          <dd>starts a workflow (ID: the hook's name and the delivery's key)</dd>
          <dt>Workflow type</dt>
          <dd className="mono">{a.workflowType}</dd>
          <dt>Task queue</dt>
          <dd className="mono">{a.taskQueue}</dd>
          {args(a.args)}
        </dl>
      );
    case "signal":
      return (
        <dl className="facts">
          <dt>Does</dt>
          <dd>signals a workflow</dd>
          <dt>Signal</dt>
          <dd className="mono">{a.signalName}</dd>
          <MappingFact label="Workflow ID" value={a.workflowId} />
          {args(a.args)}
        </dl>
      );
    case "materialize":
      return (
        <dl className="facts">
          <dt>Does</dt>
          <dd>materializes an asset selection</dd>
          <dt>Selection</dt>
          <dd className="mono">{a.selection}</dd>
          <MappingFact label="Partition key" value={a.partitionKey} />
        </dl>
      );
    default:
      return <pre className="mono">{JSON.stringify(hook.action, null, 2)}</pre>;
  }
}

function MappingFact({ label, value }: { label: string; value: HookValue | null | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="mono">{valueText(value)}</dd>
    </>
  );
}

function DeliveryRow({ namespace, hook, delivery: d }: { namespace: string; hook: string; delivery: HookDeliverySummary }) {
  const outcome = useDeliveryOutcome(namespace, d);
  const action = outcome.data?.action;
  const error = outcome.data?.error ?? null;
  return (
    <tr className={error !== null ? "sensor-failing" : undefined}>
      <td>
        <Time value={d.startTime} />
      </td>
      <td className="mono">{idempotencyKey(hook, d.deliveryId)}</td>
      <td>
        <span className={`status-${d.status}`}>{d.status}</span>
      </td>
      <td>
        {action != null ? (
          <>
            {action.outcome.toLowerCase().replace("_", " ")}{" "}
            <Link to={runPath(namespace, action.workflowId, action.runId ?? undefined)} className="mono">
              {action.workflowId}
            </Link>
          </>
        ) : d.status === "RUNNING" ? (
          <span className="muted">under way</span>
        ) : outcome.isPending ? (
          <span className="muted">…</span>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td className="sensor-error">
        {error !== null && (
          <>
            <span aria-hidden="true">⚠ </span>
            {error}
          </>
        )}
        {outcome.error !== null && <ProblemMessage error={outcome.error} />}
      </td>
      <td>
        <Link to={runPath(namespace, d.deliveryId, d.runId)} className="mono">
          {d.deliveryId}
        </Link>
      </td>
    </tr>
  );
}
