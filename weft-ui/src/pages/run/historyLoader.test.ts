import { loadHistory, readTail, type FetchAfter, type HistoryPage } from "./historyLoader";
import { bigHistory } from "../../components/timeline/testHistory";
import type { HistoryEvent } from "../../components/timeline/history";

/** A fake history route over `events` (which a test may grow), read after an event ID. */
function route(events: HistoryEvent[]): { after: FetchAfter; calls: string[] } {
  const calls: string[] = [];
  const after: FetchAfter = async (afterEventId, pageSize, wait) => {
    calls.push(`after ${afterEventId}/${pageSize}${wait ? " wait" : ""}`);
    // answers out of order, as parallel requests may
    await new Promise((r) => setTimeout(r, afterEventId % 2000 === 0 ? 5 : 0));
    const page = events.filter((e) => e.eventId > afterEventId).slice(0, pageSize);
    const next = page.length === 0 ? afterEventId + 1 : (page[page.length - 1]?.eventId ?? 0) + 1;
    const result: HistoryPage = { workflowId: "w", runId: "r", events: page, nextEventId: next };
    if (events.length >= next) result.nextPageToken = `@${next}`;
    return result;
  };
  return { after, calls };
}

test("the whole history is loaded a few pages at a time, in order, with progress", async () => {
  const events = bigHistory(2500);
  const { after, calls } = route(events);
  const progress: number[] = [];
  const { events: loaded, cursor } = await loadHistory(after, 2500, (so) => progress.push(so.length));
  expect(loaded.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
  expect(progress[progress.length - 1]).toBe(2500);
  for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThan(progress[i - 1]!);
  expect(calls).toEqual([
    "after 0/100",
    "after 100/1000",
    "after 1100/1000",
    "after 2100/1000",
    "after 2500/1000",
  ]);
  expect(cursor).toEqual({ runId: "r", nextEventId: 2501 });
});

test("the length is read when the first page has come, and a short history is one small page", async () => {
  const events = bigHistory(3000);
  const { after, calls } = route(events);
  let described = 0;
  const loading = loadHistory(after, () => described, () => {});
  described = 3000;
  const { events: loaded } = await loading;
  expect(loaded.length).toBe(3000);
  // sized from the length describe answered meanwhile: four pages at once, not one after another
  expect(calls.slice(0, 5)).toEqual(["after 0/100", "after 100/1000", "after 1100/1000", "after 2100/1000", "after 3000/1000"]);

  const short = route(bigHistory(40));
  const { events: few, cursor } = await loadHistory(short.after, 40, () => {});
  expect(few.length).toBe(40);
  expect(cursor.nextEventId).toBe(41);
  expect(short.calls).toEqual(["after 0/100", "after 40/1000"]);
});

test("events added after describe counted them are read on from the end", async () => {
  const events = bigHistory(2300);
  const { after } = route(events);
  const { events: loaded, cursor } = await loadHistory(after, 1200, () => {});
  expect(loaded.length).toBe(2300);
  expect(cursor.nextEventId).toBe(2301);
});

test("the tail waits for the next events, then reads on without waiting while more follow", async () => {
  const events = bigHistory(2500);
  const all = bigHistory(4200);
  const { after, calls } = route(events);
  const { cursor } = await loadHistory(after, 2500, () => {});
  calls.length = 0;
  expect((await readTail(after, cursor, true)).events).toEqual([]);
  expect(calls).toEqual(["after 2500/1000 wait"]);
  events.push(...all.slice(2500));
  calls.length = 0;
  const tail = await readTail(after, cursor, true);
  expect(tail.events.map((e) => e.eventId)).toEqual(all.slice(2500).map((e) => e.eventId));
  expect(tail.cursor).toEqual({ runId: "r", nextEventId: 4201 });
  expect(calls).toEqual(["after 2500/1000 wait", "after 3500/1000"]);
});
