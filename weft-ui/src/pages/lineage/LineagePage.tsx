import { useCallback, useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { DEFAULT_NAMESPACE } from "../../app/Shell";
import { ProblemMessage } from "../../components/ProblemMessage";
import { assetNodeId, assetPath, buildView, groupsOf, needsDrawChoice, type ViewNode } from "./graphModel";
import { GraphCanvas } from "./GraphCanvas";
import { GroupsPanel } from "./GroupsPanel";
import { LayoutProgress } from "./LayoutProgress";
import { useLayouter } from "./LayouterContext";
import { materialize, useAssetGraph, useMaterializationStatus, type MaterializeStarted } from "./lineageApi";
import { SearchBox } from "./SearchBox";
import { SelectionBar } from "./SelectionBar";
import { SizePrompt } from "./SizePrompt";
import { StatusLegend } from "./StatusLegend";
import { useGraphLayout } from "./useGraphLayout";
import "./lineage.css";

/**
 * The namespace's asset lineage graph, `/namespaces/:namespace/asset-graph`: laid out left to right
 * in a Web Worker, nodes coloured and labelled by status (refreshed live without a new layout),
 * groups collapsible, a node opens its asset page, the search centres a node, and ticked nodes
 * can be materialized. Past the size limit it asks before drawing every asset.
 */
export function LineagePage() {
  const { namespace = DEFAULT_NAMESPACE } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [started, setStarted] = useState<MaterializeStarted | null>(null);
  const run = useMaterializationStatus(namespace, started);
  const materializing = started !== null && (run.data === undefined || run.data === "RUNNING");
  const graph = useAssetGraph(namespace, materializing);
  const layouter = useLayouter();
  const [choice, setChoice] = useState<"all" | "collapsed" | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [focus, setFocus] = useState<{ id: string } | null>(null);

  const data = graph.data;
  const groups = useMemo(() => (data === undefined ? [] : groupsOf(data)), [data]);
  const asking = data !== undefined && needsDrawChoice(data) && choice === null;
  const view = useMemo(() => (data === undefined || asking ? null : buildView(data, collapsed)), [data, asking, collapsed]);
  const layout = useGraphLayout(layouter, view);

  // when the materialization ends, the statuses are read at once
  useEffect(() => {
    if (run.data !== undefined && run.data !== "RUNNING") void queryClient.invalidateQueries({ queryKey: ["asset-graph", namespace] });
  }, [run.data, namespace, queryClient]);

  const onOpen = useCallback(
    (node: ViewNode) => {
      if (node.kind === "asset") {
        void navigate(assetPath(namespace, node.assetKey));
      } else {
        setCollapsed((c) => {
          const next = new Set(c);
          next.delete(node.group);
          return next;
        });
      }
    },
    [namespace, navigate],
  );
  const onToggleSelected = useCallback((id: string) => {
    setChosen((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const onFind = (key: string, group: string) => {
    if (collapsed.has(group)) {
      const next = new Set(collapsed);
      next.delete(group);
      setCollapsed(next);
    }
    setFocus({ id: assetNodeId(key) });
  };

  return (
    <section aria-labelledby="lineage-title" className="lineage-page">
      <h1 id="lineage-title">Asset lineage</h1>
      {graph.error !== null && <ProblemMessage error={graph.error} />}
      {graph.isPending && <p role="status">Loading the asset graph…</p>}
      {data !== undefined && data.nodes.length === 0 && (
        <p role="status">This namespace has no assets: register an asset graph (`Assets.builder(engine)`) to see it here.</p>
      )}
      {data !== undefined && asking && (
        <SizePrompt
          assets={data.nodes.length}
          groups={groups.length}
          onDrawAll={() => setChoice("all")}
          onCollapseGroups={() => {
            setCollapsed(new Set(groups.map((g) => g.group)));
            setChoice("collapsed");
          }}
        />
      )}
      {data !== undefined && view !== null && data.nodes.length > 0 && (
        <div className="lineage-layout">
          <aside className="lineage-side">
            <SearchBox graph={data} onFind={onFind} />
            <SelectionBar
              namespace={namespace}
              chosen={chosen}
              started={started}
              runStatus={run.data}
              runStatusError={run.error}
              onMaterialize={async (selection) => setStarted(await materialize(namespace, selection))}
              onClear={() => setChosen(new Set())}
            />
            <GroupsPanel groups={groups} collapsed={collapsed} onChange={setCollapsed} />
            <StatusLegend />
          </aside>
          <div className="lineage-main">
            {layout.phase === "done" && layout.shape === view.shape ? (
              <GraphCanvas
                view={view}
                layout={layout.result}
                chosen={chosen}
                focus={focus}
                onOpen={onOpen}
                onToggleSelected={onToggleSelected}
              />
            ) : layout.phase === "failed" ? (
              <ProblemMessage error={layout.error} />
            ) : (
              <LayoutProgress nodes={view.nodes.length} startedAt={layout.phase === "running" ? layout.startedAt : null} />
            )}
          </div>
        </div>
      )}
    </section>
  );
}
