import type { components } from "../../api/schema.gen";
import type { HistoryEvent } from "../../components/timeline/history";

export type HistoryPage = components["schemas"]["WorkflowHistoryPage"];

/** Reads one page: from the start of the run's history (no token) or from a page token. */
export type FetchPage = (token: string | undefined, pageSize: number) => Promise<HistoryPage>;

/** Page size of the first load (the route's largest). */
export const LOAD_PAGE_SIZE = 1000;
/** Page size while following the tail: at most this many known events are read again. */
export const TAIL_PAGE_SIZE = 100;

/**
 * Where the history was read up to. `token` starts the page that holds the latest events (undefined
 * for the first page): the history route gives no token after the last page of a running run, so
 * its tail is read again from there, and the part already known is dropped.
 */
export interface HistoryCursor {
  runId: string;
  token: string | undefined;
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
      return { events, cursor: { runId: page.runId, token, nextEventId: page.nextEventId } };
    }
    token = page.nextPageToken;
  }
}

/**
 * Reads the events after `cursor` (none, one page or more), in small pages; returns them and the
 * new cursor. Events the caller already has (below `cursor.nextEventId`) are dropped.
 */
export async function readTail(
  fetchPage: FetchPage,
  cursor: HistoryCursor,
): Promise<{ events: HistoryEvent[]; cursor: HistoryCursor }> {
  const fresh: HistoryEvent[] = [];
  let { token, nextEventId } = cursor;
  for (;;) {
    const page = await fetchPage(token, TAIL_PAGE_SIZE);
    for (const e of page.events) {
      if (e.eventId >= nextEventId) {
        fresh.push(e);
        nextEventId = e.eventId + 1;
      }
    }
    if (page.nextPageToken === undefined) {
      return { events: fresh, cursor: { runId: cursor.runId, token, nextEventId } };
    }
    token = page.nextPageToken;
  }
}
