import type { AssetGraph, AssetGraphNode, AssetStatus } from "./graphModel";

function node(assetKey: string, group: string, status: AssetStatus = "FRESH", kind: AssetGraphNode["kind"] = "COMPUTED"): AssetGraphNode {
  return { assetKey, group, kind, status };
}

/** The two example graphs of `weft dev`, as the asset-graph route answers them. */
export function exampleGraph(): AssetGraph {
  return {
    nodes: [
      node("chain/raw_blocks", "chain", "FRESH", "OBSERVABLE_SOURCE"),
      node("chain/decoded_blocks", "chain"),
      node("chain/enriched_blocks", "chain", "STALE"),
      node("chain/daily_volume", "chain", "MISSING"),
      node("trades/raw_trades", "trades"),
      node("trades/raw_prices", "trades"),
      node("trades/processed_trades", "trades", "FAILED"),
      node("trades/daily_metrics", "trades", "STALE"),
    ],
    edges: [
      { from: "chain/raw_blocks", to: "chain/decoded_blocks" },
      { from: "chain/decoded_blocks", to: "chain/enriched_blocks" },
      { from: "chain/enriched_blocks", to: "chain/daily_volume" },
      { from: "trades/raw_trades", to: "trades/processed_trades" },
      { from: "trades/processed_trades", to: "trades/daily_metrics" },
      { from: "trades/raw_prices", to: "trades/daily_metrics" },
      // across groups, to see edges re-routed to a collapsed group
      { from: "chain/daily_volume", to: "trades/daily_metrics" },
      { from: "chain/enriched_blocks", to: "trades/daily_metrics" },
    ],
  };
}

/**
 * `n` assets in `layers` layers (`l03/a0042`, group `l3`), each reading up to three assets of the
 * layer above: the shape of `weft bench assets` and of the browser benchmark's graph.
 */
export function layeredGraph(n: number, layers: number): AssetGraph {
  const nodes: AssetGraphNode[] = [];
  const edges: AssetGraph["edges"] = [];
  let above: string[] = [];
  let index = 0;
  for (let layer = 0; layer < layers; layer++) {
    const width = Math.floor(n / layers) + (layer < n % layers ? 1 : 0);
    const keys: string[] = [];
    for (let j = 0; j < width; j++) {
      const key = `l${String(layer).padStart(2, "0")}/a${String(index++).padStart(4, "0")}`;
      nodes.push(node(key, `l${layer}`));
      for (let k = 0; k < Math.min(3, above.length); k++) {
        edges.push({ from: above[(j + k) % above.length] as string, to: key });
      }
      keys.push(key);
    }
    above = keys;
  }
  return { nodes, edges };
}

/** A key of 60 characters in one segment without a separator: no word boundary to shorten at. */
export const ONE_WORD_KEY = "averyveryverylongassetnamewithoutanyseparatorsfromthesources";

/**
 * Keys of 40 to 80 characters in several segments, a long last word after a `/`, a 60-character
 * key of one word, a short key, and a group name longer than its node: what the node labels
 * shorten.
 */
export function longKeyGraph(): AssetGraph {
  return {
    nodes: [
      node(ONE_WORD_KEY, "sources", "FRESH", "OBSERVABLE_SOURCE"),
      node("raw/transactionsreconciledagainstledgerentriesfromallbranches", "sources", "MISSING"),
      node("ingest/exchanges/binance/spot/raw_trades_with_fees_and_rebates_v2", "sources"),
      node("warehouse/finance/daily_revenue_summary_by_region", "warehouse_finance_and_reporting", "STALE"),
      node("warehouse/finance/reports/quarterly/revenue_by_product_line_and_region", "warehouse_finance_and_reporting", "FAILED"),
      node("bronze/events/clickstream/sessionized/by_user_and_device_and_country_and_day", "clickstream"),
      node("trades/summary_by_day", "clickstream"),
      node("chain/raw_blocks", "sources"),
    ],
    edges: [
      { from: ONE_WORD_KEY, to: "warehouse/finance/daily_revenue_summary_by_region" },
      { from: "raw/transactionsreconciledagainstledgerentriesfromallbranches", to: "warehouse/finance/daily_revenue_summary_by_region" },
      { from: "ingest/exchanges/binance/spot/raw_trades_with_fees_and_rebates_v2", to: "trades/summary_by_day" },
      { from: "warehouse/finance/daily_revenue_summary_by_region", to: "warehouse/finance/reports/quarterly/revenue_by_product_line_and_region" },
      { from: "bronze/events/clickstream/sessionized/by_user_and_device_and_country_and_day", to: "trades/summary_by_day" },
      { from: "chain/raw_blocks", to: "trades/summary_by_day" },
    ],
  };
}
