import { loadHistory, readTail, type FetchPage, type HistoryPage } from "./historyLoader";
import { bigHistory } from "../../components/timeline/testHistory";
import type { HistoryEvent } from "../../components/timeline/history";

/** A fake history route over `events` (which a test may grow), with tokens that name a position. */
function route(events: HistoryEvent[]): { fetch: FetchPage; calls: string[] } {
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
  return { fetch, calls };
}

test("the whole history is loaded page by page with progress", async () => {
  const events = bigHistory(2500);
  const { fetch, calls } = route(events);
  const progress: number[] = [];
  const { events: loaded, cursor } = await loadHistory(fetch, (so) => progress.push(so.length));
  expect(loaded.length).toBe(2500);
  expect(progress).toEqual([1000, 2000, 2500]);
  expect(calls).toEqual(["-/1000", "@1001/1000", "@2001/1000"]);
  expect(cursor).toEqual({ runId: "r", token: "@2001", nextEventId: 2501 });
});

test("the tail returns only new events and moves the cursor", async () => {
  const events = bigHistory(2500);
  const all = bigHistory(2750);
  const { fetch } = route(events);
  const { cursor } = await loadHistory(fetch, () => {});
  expect((await readTail(fetch, cursor)).events).toEqual([]);
  events.push(...all.slice(2500));
  const tail = await readTail(fetch, cursor);
  expect(tail.events.map((e) => e.eventId)).toEqual(all.slice(2500).map((e) => e.eventId));
  expect(tail.cursor.nextEventId).toBe(2751);
  // the next read starts near the end, not at the page where the load stopped
  expect(tail.cursor.token).toBe("@2701");
});
