import { Link } from "react-router";
import { Time } from "../../components/Time";
import { assetPath, type HistoryEntry } from "./assetsApi";
import { entriesOf, valueText } from "./metadataText";
import { DataVersion } from "./DataVersion";
import { RunLink } from "./RunLink";

interface Props {
  namespace: string;
  entries: HistoryEntry[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/**
 * The materializations of an asset, newest first: time, run, data and code version, the input
 * versions consumed and the metadata; a failure with its type and message. Paged ("Load more").
 */
export function AssetHistory({ namespace, entries, hasMore, loadingMore, onLoadMore }: Props) {
  if (entries.length === 0) return <p className="muted">Never materialized.</p>;
  return (
    <>
      <table className="data-table" aria-label="Materializations">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Outcome</th>
            <th scope="col">Run</th>
            <th scope="col">Data version</th>
            <th scope="col">Code version</th>
            <th scope="col">Input versions</th>
            <th scope="col">Metadata</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const m = e.materialization;
            return (
              <tr key={e.id} className="history-row">
                <td>
                  <Time value={e.at} />
                </td>
                {e.outcome === "FAILED" ? (
                  <>
                    <td className="check-failed">✕ Failed</td>
                    <td colSpan={5}>
                      {e.failureType !== undefined && <code>{e.failureType}</code>} {e.failureMessage ?? ""}
                    </td>
                  </>
                ) : (
                  <>
                    <td className="check-passed">✓ Materialized</td>
                    <td>
                      <RunLink namespace={namespace} runId={m?.runId} />
                    </td>
                    <td>
                      <DataVersion value={m?.dataVersion} />
                    </td>
                    <td>{m?.codeVersion ?? "—"}</td>
                    <td>
                      {Object.entries(m?.inputDataVersions ?? {}).map(([k, v]) => (
                        <div key={k}>
                          <Link to={assetPath(namespace, k)}>{k}</Link> <DataVersion value={v} />
                        </div>
                      ))}
                    </td>
                    <td>
                      {entriesOf(m?.metadata).map(([k, v]) => (
                        <div key={k}>
                          {k}: <span className="mono">{valueText(v)}</span>
                        </div>
                      ))}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {hasMore && (
        <button type="button" className="button" onClick={onLoadMore} disabled={loadingMore}>
          {loadingMore ? "Loading…" : "Load older materializations"}
        </button>
      )}
    </>
  );
}
