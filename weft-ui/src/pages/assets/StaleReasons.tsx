import { Link } from "react-router";
import { assetPath, type StaleReason } from "./assetsApi";

/** How each kind of reason reads. */
const KIND: Record<StaleReason["kind"], string> = {
  CODE_VERSION_CHANGED: "Code version changed",
  UPSTREAM_NEWER_DATA: "Upstream has newer data",
  UPSTREAM_STALE: "Upstream is stale",
};

/** The words for a reason's kind. */
export function reasonKindLabel(kind: StaleReason["kind"]): string {
  return KIND[kind];
}

/** A reason on one line of plain text (for a list row's cell and its title). */
export function reasonText(r: StaleReason): string {
  const upstream = r.upstreamKey !== undefined ? ` from ${r.upstreamKey}` : "";
  return `${KIND[r.kind]}${upstream} (root cause ${r.rootCauseKey}): ${r.detail}`;
}

interface Props {
  namespace: string;
  reasons: StaleReason[];
}

/** An asset's stale reasons: kind, upstream and root cause (each a link to its page), detail. */
export function StaleReasons({ namespace, reasons }: Props) {
  if (reasons.length === 0) return <p className="muted">Not stale.</p>;
  return (
    <ul className="reasons" aria-label="Stale reasons">
      {reasons.map((r, i) => (
        <li key={`${r.kind}-${r.upstreamKey ?? ""}-${i}`}>
          <strong>{KIND[r.kind]}</strong>
          {r.upstreamKey !== undefined && (
            <>
              {" "}
              from <Link to={assetPath(namespace, r.upstreamKey)}>{r.upstreamKey}</Link>
            </>
          )}
          {"; root cause "}
          <Link to={assetPath(namespace, r.rootCauseKey)}>{r.rootCauseKey}</Link>
          <div className="reason-detail">{r.detail}</div>
        </li>
      ))}
    </ul>
  );
}
