import type { BenchGroup } from "../support/context";
import { assetCatalogGroup, assetGraphGroup } from "./assets";
import { historyGroup } from "./history";
import { partitionsGroup } from "./partitions";
import { runUpdatesGroup } from "./runUpdates";
import { workflowsGroup } from "./workflows";

/**
 * The page groups the benchmark measures, in order; each adds one object to the JSON document. A
 * new page group (the asset pages) is a file in this folder with a `BenchGroup`, listed here, and
 * the selectors its probes watch in `WATCH`.
 */
export const GROUPS: readonly BenchGroup[] = [
  workflowsGroup,
  historyGroup,
  runUpdatesGroup,
  assetCatalogGroup,
  assetGraphGroup,
  partitionsGroup,
];

/** The selectors the in-page probes note the first appearance of (see support/probes.ts). */
export const WATCH: Record<string, string> = {
  // the first run row of the workflows list (row 1 is the header)
  runRow: '[role="row"][aria-rowindex="2"]',
  timelineRow: ".timeline-row",
  eventRow: ".event-row",
  // the asset catalog's first row (the catalog page, pages/assets)
  assetRow: ".asset-row",
  // the lineage graph: the size prompt of a big graph, and the graph laid out and drawn
  graphPrompt: 'button[data-draw="all"]',
  graphDrawn: '.lineage-canvas[data-layout="done"]',
  // the partitioned asset's status bar, drawn on its canvas (pages/partitions/PartitionStatusBar)
  partitionBar: ".partition-bar canvas[data-drawn]",
};
