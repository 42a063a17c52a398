import { buildView } from "./graphModel";
import { layoutInput } from "./layout";
import { sameThreadLayouter } from "./sameThreadLayouter";
import { exampleGraph } from "./testGraphs";

describe("runElk", () => {
  it("lays the graph out left to right, every node and edge placed", async () => {
    const view = buildView(exampleGraph(), new Set());
    const result = await sameThreadLayouter().layout(layoutInput(view));
    expect(Object.keys(result.boxes).sort()).toEqual(view.nodes.map((n) => n.id).sort());
    const x = (id: string) => result.boxes[id]?.x ?? Number.NaN;
    // layered left to right: each asset right of what it reads
    expect(x("a:chain/raw_blocks")).toBeLessThan(x("a:chain/decoded_blocks"));
    expect(x("a:chain/decoded_blocks")).toBeLessThan(x("a:chain/enriched_blocks"));
    expect(x("a:trades/processed_trades")).toBeLessThan(x("a:trades/daily_metrics"));
    expect(result.edges).toHaveLength(view.edges.length);
    for (const e of result.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(result.width).toBeGreaterThan(0);
    expect(result.boxes["a:chain/raw_blocks"]).toMatchObject({ width: 190, height: 46 });
  });
});
