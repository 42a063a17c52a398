import type { AssetDetail } from "./assetsApi";
import { entriesOf, valueText } from "./metadataText";

/** What the asset's code declares: description, owners, tags, code version, IO manager, metadata. */
export function AssetDefinition({ asset }: { asset: AssetDetail }) {
  const d = asset.definition ?? {};
  const tags = Object.entries(d.tags ?? {});
  const metadata = entriesOf(d.metadata);
  return (
    <dl className="facts">
      <dt>Description</dt>
      <dd>{d.description ?? <span className="muted">none</span>}</dd>
      <dt>Group</dt>
      <dd>{asset.group}</dd>
      <dt>Kind</dt>
      <dd>{asset.kind === "OBSERVABLE_SOURCE" ? "Observable source" : "Computed"}</dd>
      <dt>Code version</dt>
      <dd>{asset.codeVersion ?? <span className="muted">none</span>}</dd>
      <dt>Owners</dt>
      <dd>{(d.owners ?? []).length > 0 ? (d.owners ?? []).join(", ") : <span className="muted">none</span>}</dd>
      <dt>Tags</dt>
      <dd>{tags.length > 0 ? tags.map(([k, v]) => `${k}=${v}`).join(", ") : <span className="muted">none</span>}</dd>
      <dt>IO manager</dt>
      <dd>{d.ioManager ?? <span className="muted">default</span>}</dd>
      {d.type !== undefined && (
        <>
          <dt>Output type</dt>
          <dd className="mono">{d.type}</dd>
        </>
      )}
      <dt>Metadata</dt>
      <dd>
        {metadata.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          metadata.map(([k, v]) => (
            <div key={k}>
              {k}: <span className="mono">{valueText(v)}</span>
            </div>
          ))
        )}
      </dd>
    </dl>
  );
}
