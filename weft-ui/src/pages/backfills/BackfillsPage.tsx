import { useId } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { BackfillProgress } from "./BackfillProgress";
import "../partitions/partitions.css";
import {
  BACKFILL_STATUSES,
  backfillLauncherPath,
  backfillPath,
  partitionsText,
  useBackfills,
  type BackfillStatus,
} from "./backfillsApi";
import "../../components/dataTable.css";

/**
 * The backfills of the namespace, newest first, filtered by status (kept in the URL as
 * `?status=`), a page at a time, refreshed while any has not ended.
 */
export function BackfillsPage() {
  const { namespace = "default" } = useParams();
  const [params, setParams] = useSearchParams();
  const raw = params.get("status");
  const status = BACKFILL_STATUSES.includes(raw as BackfillStatus) ? (raw as BackfillStatus) : null;
  const backfills = useBackfills(namespace, status);
  const list = backfills.data?.pages.flatMap((p) => p.backfills) ?? [];
  const filterId = useId();
  return (
    <section aria-labelledby="backfills-title">
      <div className="toolbar">
        <h1 id="backfills-title">Backfills</h1>
        <span className="spacer" />
        <Link className="button primary" to={backfillLauncherPath(namespace)}>
          New backfill
        </Link>
      </div>
      <div className="toolbar">
        <label htmlFor={filterId}>Status</label>
        <select
          id={filterId}
          value={status ?? ""}
          onChange={(e) => setParams(e.target.value === "" ? {} : { status: e.target.value })}
        >
          <option value="">Any</option>
          {BACKFILL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {backfills.error !== null && <ProblemMessage error={backfills.error} />}
      {backfills.isPending ? (
        <p aria-busy="true">Loading the backfills…</p>
      ) : list.length === 0 ? (
        <p className="muted">No backfills{status !== null ? ` ${status}` : ""}.</p>
      ) : (
        <table className="data-table" aria-label="Backfills">
          <thead>
            <tr>
              <th scope="col">Backfill</th>
              <th scope="col">Status</th>
              <th scope="col">Selection</th>
              <th scope="col">Partitions</th>
              <th scope="col">Progress</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.backfillId}>
                <td>
                  <Link to={backfillPath(namespace, b.backfillId)} className="mono">
                    {b.backfillId}
                  </Link>
                </td>
                <td>
                  <span className={`backfill-status backfill-${b.status}`}>{b.status}</span>
                </td>
                <td className="mono">{b.selection}</td>
                <td className="mono">{partitionsText(b.partitions)}</td>
                <td>
                  <BackfillProgress label={`Progress of ${b.backfillId}`} partitions={b.totals.partitions} counts={b.totals} />
                </td>
                <td>
                  <Time value={b.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {backfills.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={backfills.isFetchingNextPage}
          onClick={() => void backfills.fetchNextPage()}
        >
          Older backfills
        </button>
      )}
    </section>
  );
}
