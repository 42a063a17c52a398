import { createContext, useContext, useEffect, useState } from "react";
import type { Layouter } from "./layout";
import { workerLayouter } from "./workerLayouter";

/** Makes the page's layouter: a Web Worker in the browser; tests provide a same-thread one. */
export const LayouterContext = createContext<() => Layouter>(workerLayouter);

/** The page's layouter, made when the page mounts and disposed when it unmounts. */
export function useLayouter(): Layouter | null {
  const make = useContext(LayouterContext);
  const [layouter, setLayouter] = useState<Layouter | null>(null);
  useEffect(() => {
    const l = make();
    setLayouter(l);
    return () => l.dispose();
  }, [make]);
  return layouter;
}
