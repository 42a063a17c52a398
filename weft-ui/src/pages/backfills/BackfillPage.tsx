import { Link, useNavigate, useParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "../../components/ConfirmAction";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { assetPath, runPath } from "../assets/assetsApi";
import { BackfillProgress } from "./BackfillProgress";
import "../partitions/partitions.css";
import {
  actOnBackfill,
  backfillPath,
  backfillsPath,
  durationText,
  isActive,
  partitionsText,
  useBackfill,
  useBackfillFailed,
  type Backfill,
  type BackfillAction,
} from "./backfillsApi";
import "../../components/dataTable.css";

/**
 * A backfill: status, progress per asset and in total, throughput and remaining time, its failed
 * ranges with their errors, and pause, resume, cancel and retry-failed (each confirmed). Refreshes
 * while the backfill has not ended.
 */
export function BackfillPage() {
  const { namespace = "default", backfillId = "" } = useParams();
  const backfill = useBackfill(namespace, backfillId);
  const b = backfill.data;
  return (
    <section aria-labelledby="backfill-title">
      <p>
        <Link to={backfillsPath(namespace)}>← Backfills</Link>
      </p>
      <div className="toolbar">
        <h1 id="backfill-title" className="mono">
          {backfillId}
        </h1>
        {b !== undefined && <span className={`backfill-status backfill-${b.status}`}>{b.status}</span>}
      </div>
      {backfill.error !== null && <ProblemMessage error={backfill.error} />}
      {backfill.isPending && <p aria-busy="true">Loading the backfill…</p>}
      {b !== undefined && <BackfillDetail namespace={namespace} backfill={b} />}
    </section>
  );
}

function BackfillDetail({ namespace, backfill: b }: { namespace: string; backfill: Backfill }) {
  const active = isActive(b.status);
  return (
    <>
      <BackfillActions namespace={namespace} backfill={b} />
      <dl className="facts">
        <dt>Selection</dt>
        <dd className="mono">{b.selection}</dd>
        <dt>Partitions</dt>
        <dd className="mono">{partitionsText(b.partitions)}</dd>
        <dt>Concurrent runs</dt>
        <dd>at most {b.maxConcurrentRuns}</dd>
        <dt>Workflow</dt>
        <dd>
          <Link to={runPath(namespace, b.workflowId)} className="mono">
            {b.workflowId}
          </Link>
        </dd>
        {b.retryOf != null && (
          <>
            <dt>Retry of</dt>
            <dd>
              <Link to={backfillPath(namespace, b.retryOf)} className="mono">
                {b.retryOf}
              </Link>
            </dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <Time value={b.createdAt} />
        </dd>
        <dt>{b.endedAt != null ? "Ended" : "Updated"}</dt>
        <dd>
          <Time value={b.endedAt ?? b.updatedAt} />
        </dd>
        <dt>Throughput</dt>
        <dd>{b.throughputPerSecond.toLocaleString("en-US", { maximumFractionDigits: 1 })} partitions/s</dd>
        <dt>Remaining</dt>
        <dd>{b.remainingSeconds != null ? `about ${durationText(b.remainingSeconds)}` : active ? "unknown" : "—"}</dd>
      </dl>
      <h2>Progress</h2>
      <BackfillProgress label="Total" partitions={b.totals.partitions} counts={b.totals} />
      <table className="data-table" aria-label="Progress per asset">
        <thead>
          <tr>
            <th scope="col">Asset</th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {b.assets.map((a) => (
            <tr key={a.assetKey}>
              <td>
                <Link to={assetPath(namespace, a.assetKey)}>{a.assetKey}</Link>
              </td>
              <td>
                <BackfillProgress label={a.assetKey} partitions={a.partitions} counts={a.counts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Failed partitions</h2>
      <FailedRanges namespace={namespace} backfillId={b.backfillId} live={active} />
    </>
  );
}

const ACTIONS: { action: BackfillAction; label: string; title: string; text: string; danger?: boolean }[] = [
  { action: "pause", label: "Pause", title: "Pause the backfill?", text: "No new run starts until it is resumed; the runs under way finish." },
  { action: "resume", label: "Resume", title: "Resume the backfill?", text: "Runs start again, up to the concurrency limit." },
  {
    action: "cancel",
    label: "Cancel backfill",
    title: "Cancel the backfill?",
    text: "No new run starts and the runs under way are canceled. A canceled backfill cannot be resumed.",
    danger: true,
  },
  {
    action: "retry-failed",
    label: "Retry failed",
    title: "Retry the failed partitions?",
    text: "Launches a new backfill over only the failed partitions of this one.",
  },
];

function enabled(action: BackfillAction, b: Backfill): boolean {
  switch (action) {
    case "pause":
      return b.status === "RUNNING" || b.status === "REQUESTED";
    case "resume":
      return b.status === "PAUSED";
    case "cancel":
      return isActive(b.status) && b.status !== "CANCELING";
    case "retry-failed":
      return !isActive(b.status) && b.totals.FAILED > 0;
  }
}

function BackfillActions({ namespace, backfill: b }: { namespace: string; backfill: Backfill }) {
  const queries = useQueryClient();
  const navigate = useNavigate();
  return (
    <div className="toolbar">
      {ACTIONS.filter((a) => enabled(a.action, b)).map((a) => (
        <ConfirmAction
          key={a.action}
          label={a.label}
          title={a.title}
          confirmLabel={a.label}
          danger={a.danger}
          onConfirm={async () => {
            const answer = await actOnBackfill(namespace, b.backfillId, a.action);
            if (a.action === "retry-failed") {
              queries.setQueryData(["backfill", namespace, answer.backfillId], answer);
              navigate(backfillPath(namespace, answer.backfillId));
            } else {
              queries.setQueryData(["backfill", namespace, b.backfillId], answer);
            }
            void queries.invalidateQueries({ queryKey: ["backfills", namespace] });
          }}
        >
          <p>{a.text}</p>
        </ConfirmAction>
      ))}
    </div>
  );
}

function FailedRanges({ namespace, backfillId, live }: { namespace: string; backfillId: string; live: boolean }) {
  const failed = useBackfillFailed(namespace, backfillId, live);
  const list = failed.data?.pages.flatMap((p) => p.failed) ?? [];
  return (
    <div>
      {failed.error !== null && <ProblemMessage error={failed.error} />}
      {failed.isPending ? (
        <p aria-busy="true">Loading the failed partitions…</p>
      ) : list.length === 0 ? (
        <p className="muted">No failed partitions.</p>
      ) : (
        <table className="data-table" aria-label="Failed partitions">
          <thead>
            <tr>
              <th scope="col">Asset</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="num">
                Partitions
              </th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {list.map((f) => (
              <tr key={`${f.assetKey} ${f.from} ${f.to}`}>
                <td>{f.assetKey}</td>
                <td className="mono">{f.from}</td>
                <td className="mono">{f.to}</td>
                <td className="num">{f.partitions.toLocaleString("en-US")}</td>
                <td>{f.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failed.hasNextPage && (
        <button type="button" className="button" disabled={failed.isFetchingNextPage} onClick={() => void failed.fetchNextPage()}>
          More failed partitions
        </button>
      )}
    </div>
  );
}
