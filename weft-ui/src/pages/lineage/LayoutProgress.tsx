import { useEffect, useState } from "react";

interface Props {
  nodes: number;
  /** When the layout started (`performance.now()`), or null while the layouter starts. */
  startedAt: number | null;
}

/** Shows that the graph is being laid out (in the worker), with the seconds so far. */
export function LayoutProgress({ nodes, startedAt }: Props) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const seconds = startedAt === null ? 0 : Math.max(0, now - startedAt) / 1000;
  return (
    <div className="lineage-canvas lineage-progress" data-layout="running" data-nodes={nodes}>
      <p role="status">
        Laying out {nodes.toLocaleString()} node{nodes === 1 ? "" : "s"}… {seconds.toFixed(1)} s
      </p>
      <progress aria-label="Layout progress" />
    </div>
  );
}
