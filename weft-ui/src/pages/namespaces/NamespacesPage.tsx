import { useState } from "react";
import { Link } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "../../components/ConfirmAction";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { durationText } from "../../components/isoDuration";
import { createNamespace, updateNamespace, useNamespaces, type Namespace } from "./namespacesApi";
import "../../components/dataTable.css";

/** The namespaces of the store: list, create and edit (description, retention). */
export function NamespacesPage() {
  const namespaces = useNamespaces();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ["namespaces"] });
  return (
    <section aria-labelledby="ns-title">
      <h1 id="ns-title">Namespaces</h1>
      <div className="toolbar">
        <CreateNamespace onDone={refresh} />
      </div>
      {namespaces.error !== null && <ProblemMessage error={namespaces.error} />}
      {namespaces.isPending ? (
        <p aria-busy="true">Loading namespaces…</p>
      ) : namespaces.data === undefined ? null : (
        <table className="data-table" aria-label="Namespaces">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Retention</th>
              <th scope="col">Created</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {namespaces.data.map((n) => (
              <tr key={n.name}>
                <td>
                  <Link to={`/namespaces/${encodeURIComponent(n.name)}/workflows`}>{n.name}</Link>
                </td>
                <td>{n.description}</td>
                <td title={n.retention}>{durationText(n.retention)}</td>
                <td>
                  <Time value={n.createTime} />
                </td>
                <td>
                  <Time value={n.updateTime} />
                </td>
                <td>
                  <EditNamespace key={n.updateTime} namespace={n} onDone={refresh} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateNamespace({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [retention, setRetention] = useState("P30D");
  return (
    <ConfirmAction
      label="Create namespace"
      title="Create a namespace"
      confirmLabel="Create"
      confirmDisabled={name.trim() === ""}
      onConfirm={() => createNamespace(name, description, retention)}
      onDone={() => {
        setName("");
        setDescription("");
        setRetention("P30D");
        onDone();
      }}
    >
      <label className="field">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="field">
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label className="field">
        Retention (ISO-8601 duration, e.g. P30D)
        <input value={retention} onChange={(e) => setRetention(e.target.value)} />
      </label>
    </ConfirmAction>
  );
}

function EditNamespace({ namespace, onDone }: { namespace: Namespace; onDone: () => void }) {
  const [description, setDescription] = useState(namespace.description);
  const [retention, setRetention] = useState(namespace.retention);
  return (
    <ConfirmAction
      label={`Edit ${namespace.name}`}
      title={`Edit namespace ${namespace.name}`}
      confirmLabel="Save"
      onConfirm={() => updateNamespace(namespace.name, description, retention)}
      onDone={onDone}
    >
      <label className="field">
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label className="field">
        Retention (ISO-8601 duration, e.g. P30D)
        <input value={retention} onChange={(e) => setRetention(e.target.value)} />
      </label>
    </ConfirmAction>
  );
}
