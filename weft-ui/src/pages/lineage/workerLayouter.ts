import type { Layouter, LayoutInput, LayoutResult } from "./layout";
import type { LayoutAnswer, LayoutRequest } from "./layout.worker";

/**
 * Lays graphs out in a Web Worker (ELK's layered algorithm), so that the page stays responsive
 * while a big graph lays out. The worker starts at once (it parses ELK while the graph loads).
 */
export function workerLayouter(): Layouter {
  const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  const pending = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();
  let next = 1;
  worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
    const answer = event.data;
    const p = pending.get(answer.id);
    if (p === undefined) return;
    pending.delete(answer.id);
    if ("error" in answer) p.reject(new Error(`the layout failed: ${answer.error}`));
    else p.resolve(answer.result);
  };
  worker.onerror = (event) => {
    for (const p of pending.values()) p.reject(new Error(`the layout worker failed: ${event.message}`));
    pending.clear();
  };
  return {
    layout(input: LayoutInput) {
      const id = next++;
      return new Promise<LayoutResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input } satisfies LayoutRequest);
      });
    },
    dispose() {
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error("the page closed"));
      pending.clear();
    },
  };
}
