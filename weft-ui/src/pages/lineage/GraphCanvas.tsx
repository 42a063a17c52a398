import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { GraphNode } from "./GraphNode";
import type { GraphView, ViewNode } from "./graphModel";
import type { LayoutResult } from "./layout";
import { centerOn, firstView, fitView, overlaps, panBy, TEXT_SCALE, visibleRect, zoomAt, type Viewport } from "./viewport";

/** Past this many nodes only the nodes on screen (and a margin) are in the DOM. */
export const CULL_ABOVE = 150;
const CULL_MARGIN = 300;
const KEY_PAN = 60;
/**
 * A new layout's nodes are drawn this many per animation frame, so that no frame of a big graph's
 * first drawing runs long (1,000 nodes at once took a frame of 120-150 ms in the browser
 * benchmark); the canvas says `data-layout="done"` once every node is in.
 */
export const DRAW_CHUNK = 200;
const ZOOM_STEP = 1.25;

interface Props {
  view: GraphView;
  layout: LayoutResult;
  chosen: ReadonlySet<string>;
  /** A node to centre and focus (a new object each time the search asks). */
  focus: { id: string } | null;
  onOpen(node: ViewNode): void;
  onToggleSelected(id: string): void;
}

function edgePath(layout: LayoutResult): string {
  const parts: string[] = [];
  for (const e of layout.edges) {
    const [first, ...rest] = e.points;
    if (first === undefined) continue;
    parts.push(`M${first[0]},${first[1]}${rest.map((p) => `L${p[0]},${p[1]}`).join("")}`);
  }
  return parts.join("");
}

function useScreenSize(ref: React.RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState({ width: 1200, height: 600 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const read = () => setSize({ width: el.clientWidth || 1200, height: el.clientHeight || 600 });
    read();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * The laid-out graph as SVG: pan by dragging or the arrow keys, zoom by the wheel, the buttons or
 * + and -, 0 fits the graph. A big graph keeps only the nodes on screen in the DOM, its edges are
 * one path, and panning changes one transform, so that a frame stays cheap.
 */
export function GraphCanvas({ view, layout, chosen, focus, onOpen, onToggleSelected }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const screen = useScreenSize(ref);
  const [viewport, setViewport] = useState<Viewport>(() => firstView(screen.width, screen.height, layout.width, layout.height));
  const [found, setFound] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean; id: number } | null>(null);
  const suppressClick = useRef(false);

  // a new layout (the shape changed) starts from its first view
  useEffect(() => {
    const el = ref.current;
    setViewport(firstView(el?.clientWidth || 1200, el?.clientHeight || 600, layout.width, layout.height));
  }, [layout]);

  useEffect(() => {
    if (focus === null) return;
    const box = layout.boxes[focus.id];
    if (box === undefined) return;
    setViewport((v) => centerOn(v, box, screen.width, screen.height));
    setFound(focus.id);
  }, [focus, layout, screen.width, screen.height]);

  // once the found node is drawn, the keyboard goes to it
  useEffect(() => {
    if (found === null) return;
    const nodes = ref.current?.querySelectorAll<SVGGElement>("[data-node-id]") ?? [];
    const node = [...nodes].find((n) => n.getAttribute("data-node-id") === found);
    node?.querySelector<SVGGElement>(".lineage-node-main")?.focus();
  }, [found, viewport]);

  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const factor = Math.exp(-e.deltaY * 0.0015);
      setViewport((v) => zoomAt(v, factor, e.clientX - r.left, e.clientY - r.top));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, []);

  const edges = useMemo(() => edgePath(layout), [layout]);
  const cull = view.nodes.length > CULL_ABOVE;
  const rect = visibleRect(viewport, screen.width, screen.height, CULL_MARGIN);
  const drawn = cull
    ? view.nodes.filter((n) => {
        const b = layout.boxes[n.id];
        return b !== undefined && overlaps(b, rect);
      })
    : view.nodes;
  const detailed = viewport.scale >= TEXT_SCALE;
  const [progress, setProgress] = useState({ layout, budget: DRAW_CHUNK });
  const budget = progress.layout === layout ? progress.budget : DRAW_CHUNK;
  const complete = budget >= drawn.length;
  useEffect(() => {
    if (complete) return;
    const frame = requestAnimationFrame(() => setProgress({ layout, budget: budget + DRAW_CHUNK }));
    return () => cancelAnimationFrame(frame);
  }, [complete, budget, layout]);
  const shown = complete ? drawn : drawn.slice(0, budget);

  const zoomBy = useCallback(
    (factor: number) => setViewport((v) => zoomAt(v, factor, screen.width / 2, screen.height / 2)),
    [screen.width, screen.height],
  );
  const fit = () => setViewport(fitView(screen.width, screen.height, layout.width, layout.height));

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [KEY_PAN, 0],
      ArrowRight: [-KEY_PAN, 0],
      ArrowUp: [0, KEY_PAN],
      ArrowDown: [0, -KEY_PAN],
    };
    const move = moves[e.key];
    if (move !== undefined) setViewport((v) => panBy(v, move[0], move[1]));
    else if (e.key === "+" || e.key === "=") zoomBy(ZOOM_STEP);
    else if (e.key === "-") zoomBy(1 / ZOOM_STEP);
    else if (e.key === "0") fit();
    else return;
    e.preventDefault();
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (d === null) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!d.moved) {
      d.moved = true;
      try {
        ref.current?.setPointerCapture(d.id);
      } catch {
        // a synthetic pointer (tests, the benchmark) cannot be captured: the drag still pans
      }
    }
    d.x = e.clientX;
    d.y = e.clientY;
    setViewport((v) => panBy(v, dx, dy));
  };
  const onPointerUp = () => {
    suppressClick.current = drag.current?.moved ?? false;
    drag.current = null;
  };

  return (
    <div className="lineage-stage">
      <div className="lineage-zoom" role="toolbar" aria-label="Zoom">
        <button type="button" className="button" onClick={() => zoomBy(ZOOM_STEP)}>
          Zoom in
        </button>
        <button type="button" className="button" onClick={() => zoomBy(1 / ZOOM_STEP)}>
          Zoom out
        </button>
        <button type="button" className="button" onClick={fit}>
          Fit
        </button>
        <span className="lineage-muted">{Math.round(viewport.scale * 100)}%</span>
      </div>
      <div
        ref={ref}
        className="lineage-canvas"
        role="group"
        aria-label="Lineage graph: drag or use the arrow keys to pan, the wheel or + and - to zoom, 0 to fit; Enter opens a node"
        aria-roledescription="graph"
        tabIndex={0}
        data-layout={complete ? "done" : "drawing"}
        data-nodes={view.nodes.length}
        data-drawn={drawn.length}
        data-layout-ms={Math.round(layout.ms)}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClickCapture={(e) => {
          if (suppressClick.current) {
            suppressClick.current = false;
            e.stopPropagation();
          }
        }}
      >
        <svg width="100%" height="100%" aria-hidden={false}>
          <g transform={`translate(${viewport.x},${viewport.y}) scale(${viewport.scale})`}>
            <path className="lineage-edges" d={edges} />
            {shown.map((n) => {
              const box = layout.boxes[n.id];
              return box === undefined ? null : (
                <GraphNode
                  key={n.id}
                  node={n}
                  box={box}
                  selected={chosen.has(n.id)}
                  found={found === n.id}
                  detailed={detailed}
                  onOpen={onOpen}
                  onToggleSelected={onToggleSelected}
                />
              );
            })}
          </g>
        </svg>
      </div>
    </div>
  );
}
