import { useEffect, useRef, useState } from "react";
import type { HistoryEvent } from "../../components/timeline/history";
import { loadHistory, readTail, type FetchPage, type HistoryCursor } from "./historyLoader";

/** How often the tail of an open run's history is read (milliseconds). */
export const TAIL_INTERVAL_MS = 1000;

/** How often the progress of a big history's first load is rendered (milliseconds). */
const PROGRESS_MS = 300;

export interface RunHistory {
  events: HistoryEvent[];
  /** True until every page of the history as it was at the first read has arrived. */
  loading: boolean;
  error: unknown;
}

/**
 * A run's history: loaded page by page (`events` grows as pages arrive, for progress), then, while
 * `live`, its tail is read about every second so new events show within ~1 s. When `live` turns
 * false (the run closed) the tail is read once more for the closing events. `fetchPage` must keep
 * its identity for one run (a new one starts over).
 */
export function useRunHistory(fetchPage: FetchPage | null, live: boolean): RunHistory {
  const [state, setState] = useState<RunHistory>({ events: [], loading: true, error: null });
  const cursor = useRef<HistoryCursor | null>(null);
  const wasLive = useRef(false);

  useEffect(() => {
    if (fetchPage === null) return;
    const aborted = new AbortController();
    cursor.current = null;
    setState({ events: [], loading: true, error: null });
    // progress is shown at most every PROGRESS_MS: rendering a big history after every page would
    // slow the load down
    let shown = 0;
    loadHistory(
      fetchPage,
      (events) => {
        const now = performance.now();
        if (aborted.signal.aborted || (shown !== 0 && now - shown < PROGRESS_MS)) return;
        shown = now;
        setState({ events, loading: true, error: null });
      },
      aborted.signal,
    )
      .then(({ events, cursor: c }) => {
        if (aborted.signal.aborted) return;
        cursor.current = c;
        setState({ events, loading: false, error: null });
      })
      .catch((error: unknown) => {
        if (!aborted.signal.aborted) setState((s) => ({ ...s, loading: false, error }));
      });
    return () => aborted.abort();
  }, [fetchPage]);

  useEffect(() => {
    if (fetchPage === null || state.loading || state.error !== null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const c = cursor.current;
      if (c === null) return;
      try {
        const tail = await readTail(fetchPage, c);
        if (stopped) return;
        cursor.current = tail.cursor;
        if (tail.events.length > 0) setState((s) => ({ ...s, events: s.events.concat(tail.events) }));
      } catch {
        // the connection banner says when the server is down; the next tick tries again
      }
      if (!stopped && live) timer = setTimeout(() => void tick(), TAIL_INTERVAL_MS);
    };
    if (live) {
      wasLive.current = true;
      timer = setTimeout(() => void tick(), TAIL_INTERVAL_MS);
    } else if (wasLive.current) {
      wasLive.current = false;
      void tick();
    }
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [fetchPage, live, state.loading, state.error]);

  return state;
}
