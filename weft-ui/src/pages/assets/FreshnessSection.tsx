import { ProblemMessage } from "../../components/ProblemMessage";
import { Time } from "../../components/Time";
import { policyText, useFreshness, useFreshnessViolations } from "./freshnessApi";
import type { FreshnessStatus, FreshnessViolation } from "./freshnessApi";
import { RunLink } from "./RunLink";

/**
 * An asset's freshness: its policy, whether it is fresh (until when) or violated (since when), and
 * its violations, newest first, a page at a time.
 */
export function FreshnessSection({ namespace, assetKey }: { namespace: string; assetKey: string }) {
  const status = useFreshness(namespace, assetKey);
  const hasPolicy = status.data !== undefined && status.data.status !== "NO_POLICY";
  const violations = useFreshnessViolations(namespace, assetKey, hasPolicy);
  if (status.error !== null) return <ProblemMessage error={status.error} />;
  if (status.data === undefined) return <p aria-busy="true">Loading the freshness…</p>;
  if (!hasPolicy) return <p className="muted">No freshness policy.</p>;
  const list = violations.data?.pages.flatMap((p) => p.violations) ?? [];
  return (
    <div>
      <FreshnessState status={status.data} />
      {violations.error !== null && <ProblemMessage error={violations.error} />}
      {list.length === 0 ? (
        violations.isPending ? (
          <p aria-busy="true">Loading the violations…</p>
        ) : (
          <p className="muted">No violations.</p>
        )
      ) : (
        <ViolationsTable namespace={namespace} violations={list} />
      )}
      {violations.hasNextPage && (
        <button
          type="button"
          disabled={violations.isFetchingNextPage}
          onClick={() => void violations.fetchNextPage()}
        >
          Load older violations
        </button>
      )}
    </div>
  );
}

function FreshnessState({ status }: { status: FreshnessStatus }) {
  const violated = status.status === "VIOLATED";
  return (
    <>
      <p>{status.policy !== undefined && policyText(status.policy)}</p>
      <p>
        <span className={`asset-badge ${violated ? "asset-FAILED" : "asset-FRESH"}`}>
          <span aria-hidden="true">{violated ? "✕" : "✓"}</span> {violated ? "Violated" : "Fresh"}
        </span>{" "}
        {violated ? (
          <span>
            since <Time value={status.violatedSince} />
          </span>
        ) : (
          status.freshUntil !== undefined && (
            <span>
              until <Time value={status.freshUntil} />
            </span>
          )
        )}
      </p>
      {status.latePartitions !== undefined && status.latePartitions.length > 0 && (
        <p>
          Late partitions ({status.latePartitions.length}): {status.latePartitions.join(", ")}
        </p>
      )}
      <p className="muted">
        Last materialized:{" "}
        {status.lastMaterializedAt !== undefined ? <Time value={status.lastMaterializedAt} /> : "never"}
      </p>
    </>
  );
}

const CLEARED: Record<string, string> = {
  MATERIALIZED: "Materialized",
  POLICY_CHANGED: "Policy changed",
  POLICY_REMOVED: "Policy removed",
};

function ViolationsTable({ namespace, violations }: { namespace: string; violations: FreshnessViolation[] }) {
  return (
    <table className="data-table" aria-label="Freshness violations">
      <thead>
        <tr>
          <th scope="col">Late since</th>
          <th scope="col">Cleared</th>
          <th scope="col">How</th>
          <th scope="col">Last materialized before</th>
          <th scope="col">Policy</th>
        </tr>
      </thead>
      <tbody>
        {violations.map((v) => (
          <tr key={v.id}>
            <td>
              <Time value={v.deadline} />
            </td>
            <td>{v.clearedAt !== undefined ? <Time value={v.clearedAt} /> : <strong>Open</strong>}</td>
            <td>
              {v.clearReason !== undefined ? (CLEARED[v.clearReason] ?? v.clearReason) : "—"}
              {v.clearedByRunId !== undefined && (
                <>
                  {" "}
                  <RunLink namespace={namespace} runId={v.clearedByRunId} />
                </>
              )}
            </td>
            <td>{v.lastMaterializedAt !== undefined ? <Time value={v.lastMaterializedAt} /> : "never"}</td>
            <td className="mono">{v.policy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
