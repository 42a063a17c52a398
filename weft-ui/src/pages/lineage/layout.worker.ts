/// <reference lib="webworker" />
import ELK from "elkjs/lib/elk.bundled.js";
import { runElk, type LayoutInput, type LayoutResult } from "./layout";

/** A request to the layout worker, and its answer (the same `id`). */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}
export type LayoutAnswer = { id: number; result: LayoutResult } | { id: number; error: string };

// ELK runs here, off the page's main thread: the page keeps answering while a big graph lays out
const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  runElk(elk, input).then(
    (result) => scope.postMessage({ id, result } satisfies LayoutAnswer),
    (e: unknown) => scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies LayoutAnswer),
  );
};
