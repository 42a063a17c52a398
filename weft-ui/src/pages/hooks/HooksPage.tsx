import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { actionSummary, hookPath, useHooks } from "./hooksApi";
import "../../components/dataTable.css";
import "../sensors/sensors.css";

/** The webhooks of the namespace: name, action, the secret's variable, the app that defined it. */
export function HooksPage() {
  const { namespace = "default" } = useParams();
  const hooks = useHooks(namespace);
  const list = hooks.data?.hooks ?? [];
  return (
    <section aria-labelledby="hooks-title">
      <h1 id="hooks-title">Webhooks</h1>
      {hooks.error !== null && <ProblemMessage error={hooks.error} />}
      {hooks.isPending ? (
        <p aria-busy="true">Loading the webhooks…</p>
      ) : hooks.error !== null ? null : list.length === 0 ? (
        <NoHooks />
      ) : (
        <table className="data-table" aria-label="Webhooks">
          <thead>
            <tr>
              <th scope="col">Webhook</th>
              <th scope="col">Action</th>
              <th scope="col">Secret variable</th>
              <th scope="col">Defined by</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {list.map((h) => (
              <tr key={h.name}>
                <td>
                  <Link to={hookPath(namespace, h.name)} className="mono">
                    {h.name}
                  </Link>
                </td>
                <td className="mono">{actionSummary(h)}</td>
                <td className="mono">{h.secretEnv}</td>
                <td>{h.source}</td>
                <td>
                  <Time value={h.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The empty state: how an app defines webhooks. */
function NoHooks() {
  return (
    <div className="how-to">
      <p>No webhooks are defined in this namespace.</p>
      <p>
        An app defines webhooks in code with <code>Webhooks.builder(engine)</code>: each names the environment variable
        that holds its signing secret and an action (start a workflow, signal one, or materialize assets) whose values
        are read from the request's JSON body by JSON pointers. A sender POSTs to{" "}
        <code>/api/v1/namespaces/&lt;namespace&gt;/hooks/&lt;name&gt;</code>, signed in the <code>X-Weft-Signature</code>{" "}
        header.
      </p>
      <pre>
        <code>{`Webhooks.builder(engine)
    .hook(WebhookDefinition.named("approve")
        .secretEnv("APPROVE_HOOK_SECRET")
        .signal("approve")
        .workflowIdFrom("/workflowId")
        .args("/approver", "/comment")
        .build())
    .build();`}</code>
      </pre>
    </div>
  );
}
