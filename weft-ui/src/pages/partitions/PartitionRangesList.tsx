import { useId, useState } from "react";
import { ProblemMessage } from "../../components/ProblemMessage";
import { STATUS_LABEL, STATUS_ORDER, type PartitionStatus } from "./partitionBarModel";
import { usePartitionRanges } from "./partitionsApi";
import "../../components/dataTable.css";

/** The partitions of one status (failed first) as key ranges, a page at a time. */
export function PartitionRangesList({ namespace, assetKey }: { namespace: string; assetKey: string }) {
  const [status, setStatus] = useState<PartitionStatus>("FAILED");
  const ranges = usePartitionRanges(namespace, assetKey, status, true);
  const id = useId();
  const list = ranges.data?.pages.flatMap((p) => p.ranges) ?? [];
  return (
    <div>
      <div className="toolbar">
        <label htmlFor={id}>Status</label>
        <select id={id} value={status} onChange={(e) => setStatus(e.target.value as PartitionStatus)}>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      {ranges.error !== null && <ProblemMessage error={ranges.error} />}
      {ranges.isPending ? (
        <p aria-busy="true">Loading the ranges…</p>
      ) : list.length === 0 ? (
        <p className="muted">No {STATUS_LABEL[status]} partitions.</p>
      ) : (
        <table className="data-table" aria-label={`Partition ranges ${STATUS_LABEL[status]}`}>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="num">
                Partitions
              </th>
              <th scope="col">Data version</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={`${r.from}-${r.to}`}>
                <td className="mono">{r.from}</td>
                <td className="mono">{r.to}</td>
                <td className="num">{r.partitions.toLocaleString("en-US")}</td>
                <td className="mono">{r.dataVersion ?? "—"}</td>
                <td>{r.detail ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ranges.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={ranges.isFetchingNextPage}
          onClick={() => void ranges.fetchNextPage()}
        >
          More ranges
        </button>
      )}
    </div>
  );
}
