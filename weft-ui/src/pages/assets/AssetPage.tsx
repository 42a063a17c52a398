import { Link, useParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { AssetDefinition } from "./AssetDefinition";
import { AssetHistorySection } from "./AssetHistorySection";
import { AssetStatusBadge } from "./AssetStatusBadge";
import { AutomationSection } from "./AutomationSection";
import { assetPath, launcherPath, useAsset } from "./assetsApi";
import { CheckResults } from "./CheckResults";
import { FreshnessSection } from "./FreshnessSection";
import { MaterializeButton } from "./MaterializeButton";
import { StaleReasons } from "./StaleReasons";
import { PartitionsSection } from "../partitions/PartitionsSection";
import { partitionsOf, startPartitionBar } from "../partitions/partitionsApi";
import "../../components/dataTable.css";
import "./assets.css";

/**
 * An asset (its key is the rest of the address, `/assets/chain/raw_blocks`): definition, status
 * and reasons, neighbours, partitions (when partitioned), latest checks, freshness, automation condition and evaluations,
 * materialization history with metadata plots, and a
 * Materialize button (for a partitioned asset, the partitions section's Backfill link instead: a
 * materialization without partitions refuses it). The asset is asked for alone; its answer starts
 * the partition status bar's request (for a partitioned asset) before the page renders, and the
 * sections below ask for theirs when they render.
 */
export function AssetPage() {
  const { namespace = "default", "*": splat = "" } = useParams();
  const key = splat.replace(/\/+$/, "");
  // the partition status bar's request starts with the asset's answer, before the page renders it
  const asset = useAsset(namespace, key, (answer, client) => startPartitionBar(client, namespace, key, answer.definition));
  const a = asset.data;
  return (
    <section aria-labelledby="asset-title">
      <p>
        <Link to={`/namespaces/${encodeURIComponent(namespace)}/assets`}>← Assets</Link>
      </p>
      <div className="toolbar">
        <h1 id="asset-title" className="mono">
          {key}
        </h1>
        {a !== undefined && <AssetStatusBadge status={a.state.status} />}
      </div>
      {asset.error !== null && <ProblemMessage error={asset.error} />}
      {asset.isPending && <p aria-busy="true">Loading the asset…</p>}
      {a !== undefined && (
        <>
          {partitionsOf(a.definition) === null ? (
            <MaterializeButton namespace={namespace} selection={key} title={`Materialize ${key}?`}>
              <p>
                Starts a materialization of <code>{key}</code> alone (its upstream assets are read as they are).
                To include them, use the <Link to={launcherPath(namespace, `+${key}`)}>launcher</Link>.
              </p>
            </MaterializeButton>
          ) : (
            <p className="muted">Partitioned: its partitions are materialized by a backfill (see Partitions below).</p>
          )}
          <div className="asset-columns">
            <div>
              <h2>Definition</h2>
              <AssetDefinition asset={a} />
            </div>
            <div>
              <h2>Status</h2>
              <p>
                <AssetStatusBadge status={a.state.status} />
                {a.state.updatedAt !== undefined && (
                  <span className="muted">
                    {" "}
                    since <Time value={a.state.updatedAt} />
                  </span>
                )}
              </p>
              {a.state.lastFailureMessage !== undefined && (
                <p className="check-failed">Last failure: {a.state.lastFailureMessage}</p>
              )}
              <StaleReasons namespace={namespace} reasons={a.state.reasons} />
              <h2>Upstream</h2>
              <KeyLinks namespace={namespace} keys={a.upstream} label="Upstream assets" />
              <h2>Downstream</h2>
              <KeyLinks namespace={namespace} keys={a.downstream} label="Downstream assets" />
            </div>
          </div>
          {partitionsOf(a.definition) !== null && (
            <>
              <h2>Partitions</h2>
              <PartitionsSection namespace={namespace} assetKey={key} />
            </>
          )}
          <h2>Checks</h2>
          <CheckResults namespace={namespace} checks={a.checks} />
          <h2>Freshness</h2>
          <FreshnessSection namespace={namespace} assetKey={key} />
          <h2>Automation</h2>
          <AutomationSection namespace={namespace} assetKey={key} />
          <AssetHistorySection namespace={namespace} assetKey={key} />
        </>
      )}
    </section>
  );
}

function KeyLinks({ namespace, keys, label }: { namespace: string; keys: string[]; label: string }) {
  if (keys.length === 0) return <p className="muted">None.</p>;
  return (
    <ul className="link-list" aria-label={label}>
      {keys.map((k) => (
        <li key={k}>
          <Link to={assetPath(namespace, k)}>{k}</Link>
        </li>
      ))}
    </ul>
  );
}
