import { buildView } from "./graphModel";
import { layoutInput } from "./layout";
import { layeredLayout } from "./layeredLayout";
import { layeredGraph } from "./testGraphs";

describe("layeredLayout (graphs past the size limit)", () => {
  it("places 1,000 assets in their layers left to right, without overlaps, every edge from left to right", () => {
    const view = buildView(layeredGraph(1000, 10), new Set());
    const input = layoutInput(view);
    const result = layeredLayout(input);
    expect(Object.keys(result.boxes)).toHaveLength(1000);
    // ten layers: ten distinct x positions, each asset right of everything it reads
    expect(new Set(Object.values(result.boxes).map((b) => b.x)).size).toBe(10);
    for (const e of input.edges) {
      const from = result.boxes[e.from]!;
      const to = result.boxes[e.to]!;
      expect(from.x + from.width).toBeLessThan(to.x);
    }
    // boxes of one layer do not overlap
    const byX = new Map<number, { y: number; height: number }[]>();
    for (const b of Object.values(result.boxes)) byX.set(b.x, [...(byX.get(b.x) ?? []), b]);
    for (const column of byX.values()) {
      column.sort((a, b) => a.y - b.y);
      for (let i = 1; i < column.length; i++) {
        expect(column[i]!.y).toBeGreaterThanOrEqual(column[i - 1]!.y + column[i - 1]!.height);
      }
    }
    expect(result.edges).toHaveLength(input.edges.length);
    for (const e of result.edges) expect(e.points).toHaveLength(2);
    expect(result.width).toBeGreaterThan(10 * 190);
    expect(result.height).toBeGreaterThan(100 * 46);
  });

  it("still places every node of a graph with a cycle (which the server refuses anyway)", () => {
    const size = { width: 10, height: 10 };
    const result = layeredLayout({
      nodes: [{ id: "a", ...size }, { id: "b", ...size }, { id: "c", ...size }],
      edges: [
        { id: "ab", from: "a", to: "b" },
        { id: "bc", from: "b", to: "c" },
        { id: "cb", from: "c", to: "b" },
      ],
    });
    expect(Object.keys(result.boxes).sort()).toEqual(["a", "b", "c"]);
    expect(result.boxes.a!.x).toBeLessThan(result.boxes.b!.x);
  });
});
