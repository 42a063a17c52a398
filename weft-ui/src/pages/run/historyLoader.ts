import type { components } from "../../api/schema.gen";
import type { HistoryEvent } from "../../components/timeline/history";

export type HistoryPage = components["schemas"]["WorkflowHistoryPage"];

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

/** How many pages the first load asks for at once. */
export const LOAD_CONCURRENCY = 4;

/**
 * Size of the first page: small, so that the first events are on the page as soon as possible
 * however long the history is (a page of 1,000 events takes the server and the browser far longer).
 */
export const FIRST_PAGE_SIZE = 100;

/**
 * Reads a run's history: a small first page at once, then `LOAD_CONCURRENCY` pages of
 * `LOAD_PAGE_SIZE` events at a time by event ID (event IDs run 1, 2, 3... without gaps), as many as
 * `expectedLength` (describe's history length, read when the first page has come: describe, asked
 * at the same time, has answered by then) says, then reads on from the end for events added
 * meanwhile. Calls `onPage` with the events loaded without a gap from the first one, each time that
 * prefix grows (a new array each time, for progress). Stops early when `signal` aborts.
 */
export async function loadHistory(
  fetchAfter: FetchAfter,
  expectedLength: number | (() => number),
  onPage: (events: HistoryEvent[]) => void,
  signal?: AbortSignal,
): Promise<{ events: HistoryEvent[]; cursor: HistoryCursor }> {
  const first = await fetchAfter(0, FIRST_PAGE_SIZE, false, signal);
  if (signal?.aborted) throw new DOMException("aborted", "AbortError");
  const runId = first.runId;
  let prefix: HistoryEvent[] = first.events;
  if (prefix.length > 0) onPage(prefix);
  const offset = prefix[prefix.length - 1]?.eventId ?? 0;
  const expected = typeof expectedLength === "function" ? expectedLength() : expectedLength;
  const pages = first.nextPageToken === undefined ? 0 : Math.ceil(Math.max(0, expected - offset) / LOAD_PAGE_SIZE);
  const results: (HistoryEvent[] | undefined)[] = new Array<HistoryEvent[] | undefined>(pages);
  let nextPage = 0;
  let prefixPages = 0;
  const worker = async () => {
    while (nextPage < pages) {
      const index = nextPage++;
      const page = await fetchAfter(offset + index * LOAD_PAGE_SIZE, LOAD_PAGE_SIZE, false, signal);
      if (signal?.aborted) throw new DOMException("aborted", "AbortError");
      results[index] = page.events;
      let grown = false;
      for (let r = results[prefixPages]; r !== undefined; r = results[prefixPages]) {
        prefix = prefix.concat(r);
        prefixPages++;
        grown = true;
      }
      if (grown) onPage(prefix);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOAD_CONCURRENCY, pages) }, worker));
  const last = prefix[prefix.length - 1];
  const tail = await readTail(fetchAfter, { runId, nextEventId: (last?.eventId ?? 0) + 1 }, false, signal);
  const events = tail.events.length === 0 ? prefix : prefix.concat(tail.events);
  if (tail.events.length > 0) onPage(events);
  return { events, cursor: tail.cursor };
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
