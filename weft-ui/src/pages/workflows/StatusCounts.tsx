import { Link } from "react-router";
import { STATUSES, statusLabel, withStatus } from "./filterQuery";
import { useStatusCounts } from "./useRuns";

interface Props {
  namespace: string;
  query: string;
}

/** How many runs the filter matches in each status; each count narrows the list to its status. */
export function StatusCounts({ namespace, query }: Props) {
  const counts = useStatusCounts(namespace, query);
  return (
    <ul className="counts" aria-label="Runs by status">
      {STATUSES.map((status) => {
        const n = counts.data?.byStatus.get(status);
        const text = n !== undefined ? n.toLocaleString() : counts.isError ? "?" : "…";
        const to = `/namespaces/${encodeURIComponent(namespace)}/workflows?${new URLSearchParams({ query: withStatus(query, status) })}`;
        return (
          <li key={status}>
            <Link to={to} className={`status-${status}`}>
              {statusLabel(status)} <strong>{text}</strong>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
