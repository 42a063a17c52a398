import { useCallback, useMemo } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { ASSET_STATUSES, launcherPath, useAssets } from "./assetsApi";
import { AssetsTable } from "./AssetsTable";
import { AssetStatusBadge } from "./AssetStatusBadge";
import { CatalogFilterBar } from "./CatalogFilterBar";
import { applyFilter, countByStatus, filterOf, groupsOf, paramsOf, type CatalogFilter } from "./catalogFilter";
import "./assets.css";

/**
 * The asset catalog of a namespace: every asset with its status and stale reasons, filtered by
 * text, group and status (kept in the URL, so back and forward restore them), counted by status,
 * refreshed live, virtualized.
 */
export function AssetsPage() {
  const { namespace = "default" } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterOf(params), [params]);
  const assets = useAssets(namespace);
  const all = useMemo(() => assets.data ?? [], [assets.data]);
  const shown = useMemo(() => applyFilter(all, filter), [all, filter]);
  const counts = useMemo(() => countByStatus(all, filter), [all, filter]);
  const apply = useCallback((next: CatalogFilter) => setParams(paramsOf(next), { replace: next.text !== filter.text }), [setParams, filter.text]);
  return (
    <section aria-labelledby="assets-title">
      <div className="toolbar">
        <h1 id="assets-title">Assets</h1>
        <span className="spacer" />
        <Link className="button primary" to={launcherPath(namespace)}>
          Materialize…
        </Link>
      </div>
      <CatalogFilterBar filter={filter} groups={groupsOf(all)} onChange={apply} />
      <ul className="counts" aria-label="Assets by status">
        {ASSET_STATUSES.map((s) => (
          <li key={s}>
            <Link
              to={`?${new URLSearchParams(paramsOf({ ...filter, status: filter.status === s ? null : s }))}`}
              aria-current={filter.status === s ? "true" : undefined}
            >
              <AssetStatusBadge status={s} /> <strong>{assets.isSuccess ? (counts.get(s) ?? 0).toLocaleString() : "…"}</strong>
            </Link>
          </li>
        ))}
      </ul>
      {assets.error !== null && <ProblemMessage error={assets.error} />}
      {assets.isPending ? (
        <p aria-busy="true">Loading assets…</p>
      ) : assets.isSuccess && all.length === 0 ? (
        <p>No assets in this namespace: build `Assets` on a node of this store to register a graph.</p>
      ) : (
        <>
          <AssetsTable namespace={namespace} assets={shown} />
          <p className="muted" aria-live="polite">
            {shown.length.toLocaleString()} of {all.length.toLocaleString()} assets shown
          </p>
        </>
      )}
    </section>
  );
}
