import { STATUSES } from "./graphModel";
import { STATUS_LOOK } from "./statusLook";

/** What the colours, glyphs and outlines of the nodes mean. */
export function StatusLegend() {
  return (
    <section className="lineage-legend" aria-label="Legend">
      <h2>Legend</h2>
      <ul>
        {STATUSES.map((s) => (
          <li key={s} className={`status-${s.toLowerCase()}`}>
            <svg width="22" height="16" aria-hidden="true">
              <rect className="lineage-box" x="1" y="1" width="20" height="14" rx="3" />
            </svg>{" "}
            {STATUS_LOOK[s].glyph} {STATUS_LOOK[s].word}
          </li>
        ))}
        <li>A rounded node is an observable source; a thick outline with counts is a collapsed group.</li>
      </ul>
    </section>
  );
}
