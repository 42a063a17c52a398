import { useEffect, useRef, useState } from "react";
import type { HistoryEvent } from "../../components/timeline/history";
import {
  CLOSE_EVENT_TYPES,
  loadHistory,
  readTail,
  type FetchAfter,
  type HistoryCursor,
} from "./historyLoader";

/** The pause before the tail is read again after a failed or immediately empty read (ms). */
export const RETRY_MS = 1000;

/** How often the progress of a big history's first load is rendered (milliseconds). */
const PROGRESS_MS = 300;

export interface RunHistory {
  events: HistoryEvent[];
  /** True until every page of the history as it was at the first read has arrived. */
  loading: boolean;
  error: unknown;
  /** True once the tail brought the event that closed the run. */
  closed: boolean;
}

/**
 * A run's history: loaded page by page (`events` grows as pages arrive, for progress), then, while
 * `live`, its tail is followed with the history route's long poll (`waitNewEvent`), so a new event
 * shows as soon as it is committed; the tail stops at the event that closes the run. When `live`
 * turns false otherwise (describe saw the run close) the tail is read once more. `fetchPage` and
 * `fetchAfter` must keep their identity for one run (new ones start over).
 */
export function useRunHistory(fetchAfter: FetchAfter | null, expectedLength: number, live: boolean): RunHistory {
  const [state, setState] = useState<RunHistory>({ events: [], loading: true, error: null, closed: false });
  const cursor = useRef<HistoryCursor | null>(null);
  const wasLive = useRef(false);
  // read by the load once its first page has come (describe, asked at the same time, has answered
  // by then); a growing history must not start the load over
  const expected = useRef(expectedLength);
  expected.current = expectedLength;

  useEffect(() => {
    if (fetchAfter === null) return;
    const aborted = new AbortController();
    cursor.current = null;
    setState({ events: [], loading: true, error: null, closed: false });
    // progress is shown at most every PROGRESS_MS: rendering a big history after every page would
    // slow the load down
    let shown = 0;
    loadHistory(
      fetchAfter,
      () => expected.current,
      (events) => {
        const now = performance.now();
        if (aborted.signal.aborted || (shown !== 0 && now - shown < PROGRESS_MS)) return;
        shown = now;
        setState({ events, loading: true, error: null, closed: false });
      },
      aborted.signal,
    )
      .then(({ events, cursor: c }) => {
        if (aborted.signal.aborted) return;
        cursor.current = c;
        setState({ events, loading: false, error: null, closed: false });
      })
      .catch((error: unknown) => {
        if (!aborted.signal.aborted) setState((s) => ({ ...s, loading: false, error }));
      });
    return () => aborted.abort();
  }, [fetchAfter]);

  useEffect(() => {
    if (fetchAfter === null || state.loading || state.error !== null) return;
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async (wait: boolean): Promise<boolean> => {
      const c = cursor.current;
      if (c === null) return false;
      const began = performance.now();
      try {
        const tail = await readTail(fetchAfter, c, wait, stop.signal);
        if (stop.signal.aborted) return false;
        cursor.current = tail.cursor;
        if (tail.events.length > 0) {
          const closes = tail.events.some((e) => CLOSE_EVENT_TYPES.has(e.attributes.type));
          setState((s) => ({ ...s, events: s.events.concat(tail.events), closed: s.closed || closes }));
          if (closes) return false;
        }
        // an empty answer that came at once (a closed run, a server without the long poll) waits
        return tail.events.length > 0 || performance.now() - began >= RETRY_MS;
      } catch {
        // the connection banner says when the server is down; try again after a pause
        return false;
      }
    };
    const loop = async () => {
      while (!stop.signal.aborted && live) {
        const again = await read(true);
        if (stop.signal.aborted) return;
        if (!again) {
          await new Promise<void>((resolve) => {
            timer = setTimeout(resolve, RETRY_MS);
          });
        }
      }
    };
    if (live && !state.closed) {
      wasLive.current = true;
      void loop();
    } else if (wasLive.current) {
      wasLive.current = false;
      void read(false);
    }
    return () => {
      stop.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [fetchAfter, live, state.loading, state.error, state.closed]);

  return state;
}
