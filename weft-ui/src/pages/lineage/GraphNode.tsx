import { memo, useId, useMemo, type KeyboardEvent } from "react";
import { STATUSES, type ViewNode } from "./graphModel";
import type { Box } from "./layout";
import { labelWidth } from "./labelWidth";
import { fitLabel, LABEL_X, labelRoom } from "./nodeLabel";
import { STATUS_LOOK } from "./statusLook";

interface Props {
  node: ViewNode;
  box: Box;
  selected: boolean;
  found: boolean;
  /** Draw the text (false when zoomed out too far to read it). */
  detailed: boolean;
  /** An asset: go to its page; a group: expand it. */
  onOpen(node: ViewNode): void;
  onToggleSelected(id: string): void;
}

function onEnter(action: () => void, keys: readonly string[] = ["Enter"]) {
  return (e: KeyboardEvent) => {
    if (keys.includes(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      action();
    }
  };
}

/**
 * Ends each line of a node's text: the lines are separate SVG text elements, which a text reading
 * of the node (axe's label-content-name-mismatch, a speech-input tool) would otherwise run together.
 */
const SEPARATOR = " ";

/** The status counts of a group in words, e.g. `2 fresh, 1 stale` (the group node's third line). */
function countWords(node: Extract<ViewNode, { kind: "group" }>): string {
  return STATUSES.filter((s) => node.counts[s] > 0)
    .map((s) => `${node.counts[s]} ${STATUS_LOOK[s].word}`)
    .join(", ");
}

/**
 * The node's key line: the key (or group name) shortened at a word boundary to fit the node, and
 * clipped to the room left of the checkbox, so that no key draws over it or out of the box. A last
 * word too long for the room shows its start, clipped, and `…` after it.
 */
function KeyLine({ text, room, height }: { text: string; room: number; height: number }) {
  const clip = useId();
  const label = useMemo(() => fitLabel(text, room, labelWidth), [text, room]);
  const width = label.cut ? room - labelWidth("…") : room;
  return (
    <>
      <clipPath id={clip}>
        <rect x={LABEL_X} y={0} width={width} height={height} />
      </clipPath>
      <text className="lineage-label" x={LABEL_X} y={19} clipPath={`url(#${clip})`}>
        {label.text}
        {SEPARATOR}
      </text>
      {label.cut && (
        <text className="lineage-label" x={LABEL_X + width} y={19} aria-hidden>
          …{SEPARATOR}
        </text>
      )}
    </>
  );
}

/** The node's accessible name: its visible text first (what a speech-input user says), then more. */
function describe(node: ViewNode): string {
  if (node.kind === "asset") {
    return `${node.assetKey}, ${STATUS_LOOK[node.status].word}${node.observable ? ", observable source" : ""}`;
  }
  return `${node.group}, ${node.size} assets, ${countWords(node)}, collapsed group: Enter expands it`;
}

/**
 * One node of the lineage graph: an asset (a link to its page, coloured and labelled by status) or
 * a collapsed group (a button that expands it, with its status counts), and beside it a checkbox
 * that adds it to the selection to materialize. Zoomed out too far to read (`detailed` false) it
 * is its box alone, still a link. Memoised: panning does not redraw it.
 */
export const GraphNode = memo(function GraphNode({ node, box, selected, found, detailed, onOpen, onToggleSelected }: Props) {
  const status = node.kind === "asset" ? node.status : worstStatus(node.counts);
  const label = describe(node);
  const classes = [
    "lineage-node",
    node.kind === "group" ? "lineage-group" : "lineage-asset",
    `status-${status.toLowerCase()}`,
    node.kind === "asset" && node.observable ? "observable" : "",
    selected ? "selected" : "",
    found ? "found" : "",
  ].join(" ");
  const open = () => onOpen(node);
  const toggle = () => onToggleSelected(node.id);
  const title = node.kind === "asset" ? node.assetKey : `${node.group} (${node.size} assets)`;
  return (
    <g className={classes} transform={`translate(${box.x},${box.y})`} data-node-id={node.id}>
      <g
        className="lineage-node-main"
        role={node.kind === "asset" ? "link" : "button"}
        tabIndex={0}
        aria-label={label}
        onClick={open}
        onKeyDown={onEnter(open, node.kind === "asset" ? ["Enter"] : ["Enter", " "])}
      >
        <title>{title}</title>
        <rect className="lineage-box" width={box.width} height={box.height} rx={node.kind === "asset" && node.observable ? box.height / 2 : 6} />
        <rect className="lineage-bar" width={6} height={box.height} rx={3} />
        {detailed && (
          <>
            <KeyLine
              text={node.kind === "group" ? node.group : node.assetKey}
              room={labelRoom(box.width)}
              height={box.height}
            />
            <text className="lineage-status" x={LABEL_X} y={36}>
              {node.kind === "asset"
                ? `${STATUS_LOOK[node.status].glyph} ${STATUS_LOOK[node.status].word}`
                : `${node.size} assets`}
              {SEPARATOR}
            </text>
            {node.kind === "group" && (
              <text className="lineage-status" x={LABEL_X} y={52}>
                {countWords(node)}
              </text>
            )}
          </>
        )}
      </g>
      {detailed && (
      <g
        className="lineage-check"
        role="checkbox"
        tabIndex={0}
        aria-checked={selected}
        aria-label={`Select ${node.kind === "asset" ? node.assetKey : `group ${node.group}`}`}
        transform={`translate(${box.width - 24},6)`}
        onClick={toggle}
        onKeyDown={onEnter(toggle, [" ", "Enter"])}
      >
        <rect width={18} height={18} rx={3} />
        {selected && <path d="M4 9 l3.5 3.5 l6.5 -7" />}
      </g>
      )}
    </g>
  );
});

/** The status a collapsed group is coloured by: failed, else stale, else missing, else fresh. */
export function worstStatus(counts: Record<(typeof STATUSES)[number], number>) {
  if (counts.FAILED > 0) return "FAILED";
  if (counts.STALE > 0) return "STALE";
  if (counts.MISSING > 0) return "MISSING";
  return "FRESH";
}
