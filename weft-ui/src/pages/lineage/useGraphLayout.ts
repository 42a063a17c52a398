import { useEffect, useRef, useState } from "react";
import type { GraphView } from "./graphModel";
import { layoutInput, type Layouter, type LayoutResult } from "./layout";

export type LayoutState =
  | { phase: "idle" }
  | { phase: "running"; nodes: number; startedAt: number }
  | { phase: "done"; shape: string; result: LayoutResult }
  | { phase: "failed"; error: Error };

/**
 * Lays the view out whenever its shape changes (not when only statuses change), in the layouter
 * (a Web Worker): a stale answer (the shape changed meanwhile) is dropped.
 */
export function useGraphLayout(layouter: Layouter | null, view: GraphView | null): LayoutState {
  const [state, setState] = useState<LayoutState>({ phase: "idle" });
  const current = useRef(view);
  current.current = view;
  const shape = view?.shape ?? null;
  useEffect(() => {
    const v = current.current;
    if (layouter === null || v === null || shape === null) return;
    let live = true;
    setState({ phase: "running", nodes: v.nodes.length, startedAt: performance.now() });
    layouter.layout(layoutInput(v)).then(
      (result) => {
        if (live) setState({ phase: "done", shape, result });
      },
      (e: unknown) => {
        if (live) setState({ phase: "failed", error: e instanceof Error ? e : new Error(String(e)) });
      },
    );
    return () => {
      live = false;
    };
  }, [layouter, shape]);
  return state;
}
