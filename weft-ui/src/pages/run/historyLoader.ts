import type { components } from "../../api/schema.gen";
import type { HistoryEvent } from "../../components/timeline/history";

export type HistoryPage = components["schemas"]["WorkflowHistoryPage"];

/** Reads one page: from the start of the run's history (no token) or from a page token. */
export type FetchPage = (token: string | undefined, pageSize: number) => Promise<HistoryPage>;

/** Page size of the first load (the route's largest). */
export const LOAD_PAGE_SIZE = 1000;
/**
 * Reads the page after `afterEventId` (up to `pageSize` events); with `wait`, a long poll: the
 * server answers as soon as the run has an event there, at once for a closed run, or after `wait`
 * with no events. `signal` aborts the call.
 */
export type FetchAfter = (
  afterEventId: number,
  pageSize: number,
  wait: boolean,
  signal?: AbortSignal,
) => Promise<HistoryPage>;

/** The events of a history that close the run. */
export const CLOSE_EVENT_TYPES: ReadonlySet<string> = new Set([
  "WorkflowCompleted",
  "WorkflowFailed",
  "WorkflowCanceled",
  "WorkflowTerminated",
  "WorkflowTimedOut",
  "WorkflowContinuedAsNew",
]);

/**
 * Where the history was read up to: the run and the next event ID (the history route pins the run
 * with its first page; later reads name it).
 */
export interface HistoryCursor {
  runId: string;
  nextEventId: number;
}

/**
 * Reads a run's history page after page until the last one, calling `onPage` with every event read
 * so far after each page (a new array each time, for progress). Stops early when `signal` aborts.
 */
export async function loadHistory(
  fetchPage: FetchPage,
  onPage: (events: HistoryEvent[]) => void,
  signal?: AbortSignal,
): Promise<{ events: HistoryEvent[]; cursor: HistoryCursor }> {
  let events: HistoryEvent[] = [];
  let token: string | undefined;
  for (;;) {
    const page = await fetchPage(token, LOAD_PAGE_SIZE);
    if (signal?.aborted) throw new DOMException("aborted", "AbortError");
    events = events.concat(page.events);
    onPage(events);
    if (page.nextPageToken === undefined) {
      return { events, cursor: { runId: page.runId, nextEventId: page.nextEventId } };
    }
    token = page.nextPageToken;
  }
}

/**
 * Reads the events after `cursor`: waits for the next one (a long poll) when `wait`, then reads on
 * without waiting while more follow. Returns them and the new cursor.
 */
export async function readTail(
  fetchAfter: FetchAfter,
  cursor: HistoryCursor,
  wait: boolean,
  signal?: AbortSignal,
): Promise<{ events: HistoryEvent[]; cursor: HistoryCursor }> {
  const fresh: HistoryEvent[] = [];
  let nextEventId = cursor.nextEventId;
  let waitNow = wait;
  for (;;) {
    const page = await fetchAfter(nextEventId - 1, LOAD_PAGE_SIZE, waitNow, signal);
    for (const e of page.events) {
      if (e.eventId >= nextEventId) {
        fresh.push(e);
        nextEventId = e.eventId + 1;
      }
    }
    if (page.nextPageToken === undefined || page.events.length === 0) {
      return { events: fresh, cursor: { runId: cursor.runId, nextEventId } };
    }
    waitNow = false;
  }
}
