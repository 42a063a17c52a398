import ELK from "elkjs/lib/elk.bundled.js";
import { runElk, type Layouter } from "./layout";

/**
 * Lays graphs out on the calling thread: for jsdom tests, which have no Web Worker. The page uses
 * {@link workerLayouter}.
 */
export function sameThreadLayouter(): Layouter {
  const elk = new ELK();
  return { layout: (input) => runElk(elk, input), dispose() {} };
}
