import { useId, useState } from "react";
import { findAsset, type AssetGraph } from "./graphModel";

interface Props {
  graph: AssetGraph;
  /** Centres and focuses the asset (its group expanded first). */
  onFind(key: string, group: string): void;
}

/** Finds an asset by its key (or part of it) and centres the graph on it. */
export function SearchBox({ graph, onFind }: Props) {
  const [text, setText] = useState("");
  const [missed, setMissed] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      role="search"
      className="lineage-search"
      onSubmit={(e) => {
        e.preventDefault();
        const hit = findAsset(graph, text);
        if (hit === null) {
          setMissed(text);
          return;
        }
        setMissed(null);
        onFind(hit.assetKey, hit.group);
      }}
    >
      <label htmlFor={id}>Find an asset</label>
      <div className="lineage-buttons">
        <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="chain/raw_blocks" />
        <button type="submit" className="button">
          Find
        </button>
      </div>
      {missed !== null && <p role="status">No asset key contains “{missed}”.</p>}
    </form>
  );
}
