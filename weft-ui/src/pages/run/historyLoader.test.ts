import { loadHistory, readTail, type FetchAfter, type FetchPage, type HistoryPage } from "./historyLoader";
import { bigHistory } from "../../components/timeline/testHistory";
import type { HistoryEvent } from "../../components/timeline/history";

/** A fake history route over `events` (which a test may grow), with tokens that name a position. */
function route(events: HistoryEvent[]): { fetch: FetchPage; after: FetchAfter; calls: string[] } {
  const calls: string[] = [];
  const fetch: FetchPage = async (token, pageSize) => {
    calls.push(`${token ?? "-"}/${pageSize}`);
    const from = token === undefined ? 1 : Number(token.slice(1));
    const page = events.filter((e) => e.eventId >= from).slice(0, pageSize);
    const next = page.length === 0 ? from : (page[page.length - 1]?.eventId ?? 0) + 1;
    const result: HistoryPage = { workflowId: "w", runId: "r", events: page, nextEventId: next };
    if (events.length >= next) result.nextPageToken = `@${next}`;
    return result;
  };
  const after: FetchAfter = async (afterEventId, pageSize, wait) => {
    calls.push(`after ${afterEventId}/${pageSize}${wait ? " wait" : ""}`);
    return fetch(`@${afterEventId + 1}`, pageSize);
  };
  return { fetch, after, calls };
}

test("the whole history is loaded page by page with progress", async () => {
  const events = bigHistory(2500);
  const { fetch, calls } = route(events);
  const progress: number[] = [];
  const { events: loaded, cursor } = await loadHistory(fetch, (so) => progress.push(so.length));
  expect(loaded.length).toBe(2500);
  expect(progress).toEqual([1000, 2000, 2500]);
  expect(calls).toEqual(["-/1000", "@1001/1000", "@2001/1000"]);
  expect(cursor).toEqual({ runId: "r", nextEventId: 2501 });
});

test("the tail waits for the next events, then reads on without waiting while more follow", async () => {
  const events = bigHistory(2500);
  const all = bigHistory(4200);
  const { fetch, after, calls } = route(events);
  const { cursor } = await loadHistory(fetch, () => {});
  calls.length = 0;
  expect((await readTail(after, cursor, true)).events).toEqual([]);
  const tailCalls = () => calls.filter((c) => c.startsWith("after"));
  expect(tailCalls()).toEqual(["after 2500/1000 wait"]);
  events.push(...all.slice(2500));
  calls.length = 0;
  const tail = await readTail(after, cursor, true);
  expect(tail.events.map((e) => e.eventId)).toEqual(all.slice(2500).map((e) => e.eventId));
  expect(tail.cursor).toEqual({ runId: "r", nextEventId: 4201 });
  expect(tailCalls()).toEqual(["after 2500/1000 wait", "after 3500/1000"]);
});
