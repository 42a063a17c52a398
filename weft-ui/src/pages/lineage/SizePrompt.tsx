import { SIZE_LIMIT } from "./graphModel";

interface Props {
  assets: number;
  groups: number;
  onDrawAll(): void;
  onCollapseGroups(): void;
}

/** Asks before drawing a graph past the size limit, offering its groups collapsed instead. */
export function SizePrompt({ assets, groups, onDrawAll, onCollapseGroups }: Props) {
  return (
    <section className="lineage-prompt" aria-labelledby="lineage-prompt-title">
      <h2 id="lineage-prompt-title">This graph has {assets.toLocaleString()} assets</h2>
      <p>
        Past {SIZE_LIMIT} assets the drawing gets crowded. Draw every asset, or draw its {groups} groups
        collapsed (each one node with its counts; expand the ones you need).
      </p>
      <div className="lineage-buttons">
        <button type="button" className="button" data-draw="collapsed" onClick={onCollapseGroups}>
          Draw the {groups} groups collapsed
        </button>
        <button type="button" className="button" data-draw="all" onClick={onDrawAll}>
          Draw all {assets.toLocaleString()} assets
        </button>
      </div>
    </section>
  );
}
