import type { components } from "../../api/schema.gen";

export type AssetGraph = components["schemas"]["AssetsGraph"];
export type AssetGraphNode = components["schemas"]["AssetsGraphNode"];
export type AssetStatus = components["schemas"]["AssetsStatus"];

/** Every status, in the order counts and legends show them. */
export const STATUSES: readonly AssetStatus[] = ["FRESH", "STALE", "MISSING", "FAILED"];

/** Past this many assets the page asks before drawing every one (and offers groups collapsed). */
export const SIZE_LIMIT = 300;

/** The size of a drawn asset and of a drawn (collapsed) group, in graph units. */
export const ASSET_SIZE = { width: 190, height: 46 } as const;
export const GROUP_SIZE = { width: 250, height: 62 } as const;

/** A node as drawn: one asset, or a collapsed group standing for all of its assets. */
export type ViewNode =
  | {
      kind: "asset";
      /** `a:` and the asset key. */
      id: string;
      assetKey: string;
      group: string;
      status: AssetStatus;
      observable: boolean;
    }
  | {
      kind: "group";
      /** `g:` and the group's name. */
      id: string;
      group: string;
      /** How many of its assets have each status. */
      counts: Record<AssetStatus, number>;
      size: number;
    };

/** An edge as drawn: `from` is read by `to` (view node IDs; never a loop, never twice). */
export interface ViewEdge {
  id: string;
  from: string;
  to: string;
}

/** The graph as drawn with some groups collapsed. */
export interface GraphView {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /**
   * What the layout depends on (the drawn nodes and edges, not their statuses): the page lays the
   * graph out again only when this changes, so a status refresh keeps every node where it is.
   */
  shape: string;
}

export function assetNodeId(key: string): string {
  return `a:${key}`;
}

export function groupNodeId(group: string): string {
  return `g:${group}`;
}

/** The groups of the graph, sorted, each with its number of assets. */
export function groupsOf(graph: AssetGraph): { group: string; size: number }[] {
  const sizes = new Map<string, number>();
  for (const n of graph.nodes) sizes.set(n.group, (sizes.get(n.group) ?? 0) + 1);
  return [...sizes].sort(([a], [b]) => a.localeCompare(b)).map(([group, size]) => ({ group, size }));
}

function noCounts(): Record<AssetStatus, number> {
  return { FRESH: 0, STALE: 0, MISSING: 0, FAILED: 0 };
}

/**
 * The graph as drawn with the `collapsed` groups each shown as one node (with its status counts):
 * an edge into or out of a collapsed group goes to its node instead, edges inside one disappear,
 * and edges that become the same are drawn once.
 */
export function buildView(graph: AssetGraph, collapsed: ReadonlySet<string>): GraphView {
  const nodes: ViewNode[] = [];
  const groups = new Map<string, Extract<ViewNode, { kind: "group" }>>();
  const idOf = new Map<string, string>();
  for (const n of graph.nodes) {
    if (collapsed.has(n.group)) {
      let g = groups.get(n.group);
      if (g === undefined) {
        g = { kind: "group", id: groupNodeId(n.group), group: n.group, counts: noCounts(), size: 0 };
        groups.set(n.group, g);
        nodes.push(g);
      }
      g.counts[n.status]++;
      g.size++;
      idOf.set(n.assetKey, g.id);
    } else {
      const id = assetNodeId(n.assetKey);
      nodes.push({
        kind: "asset",
        id,
        assetKey: n.assetKey,
        group: n.group,
        status: n.status,
        observable: n.kind === "OBSERVABLE_SOURCE",
      });
      idOf.set(n.assetKey, id);
    }
  }
  const edges: ViewEdge[] = [];
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const from = idOf.get(e.from);
    const to = idOf.get(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    const id = `${from}>${to}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, from, to });
  }
  const shape = `${nodes.map((n) => n.id).join("\n")}\n--\n${edges.map((e) => e.id).join("\n")}`;
  return { nodes, edges, shape };
}

/** Whether the graph is big enough that the page asks before drawing every asset. */
export function needsDrawChoice(graph: AssetGraph): boolean {
  return graph.nodes.length > SIZE_LIMIT;
}

/**
 * The selection (`POST asset-materializations`) for the chosen view nodes: an asset by its key, a
 * collapsed group as `group:NAME`; sorted, comma separated. Empty when nothing is chosen.
 */
export function selectionFor(chosen: Iterable<string>): string {
  const parts: string[] = [];
  for (const id of chosen) {
    if (id.startsWith("a:")) parts.push(id.slice(2));
    else if (id.startsWith("g:")) parts.push(`group:${id.slice(2)}`);
    else throw new Error(`not a node of the lineage graph: '${id}'`);
  }
  return parts.sort().join(", ");
}

/**
 * The first asset whose key is `text` or, failing that, contains it (case-insensitive); null when
 * none does or the text is blank.
 */
export function findAsset(graph: AssetGraph, text: string): AssetGraphNode | null {
  const q = text.trim().toLowerCase();
  if (q === "") return null;
  const exact = graph.nodes.find((n) => n.assetKey.toLowerCase() === q);
  if (exact !== undefined) return exact;
  return graph.nodes.find((n) => n.assetKey.toLowerCase().includes(q)) ?? null;
}

/** The asset page's address: the key's `/` kept as path separators, each segment encoded. */
export function assetPath(namespace: string, key: string): string {
  return `/namespaces/${encodeURIComponent(namespace)}/assets/${key.split("/").map(encodeURIComponent).join("/")}`;
}
