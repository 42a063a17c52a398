import type { HistoryEvent } from "./history";

/**
 * Builds histories for tests: each `add` appends an event with the next event ID, `ms`
 * milliseconds after the run's start (2026-12-06T10:00:00Z).
 */
export class HistoryBuilder {
  static readonly START = Date.parse("2026-12-06T10:00:00.000Z");
  private readonly events: HistoryEvent[] = [];

  add(ms: number, type: string, attributes: Record<string, unknown> = {}): this {
    this.events.push({
      eventId: this.events.length + 1,
      time: new Date(HistoryBuilder.START + ms).toISOString(),
      attributes: { type, ...attributes },
    });
    return this;
  }

  build(): HistoryEvent[] {
    return this.events;
  }
}

/** A history of `n` events: a start, then tasks that each schedule and complete an activity. */
export function bigHistory(n: number): HistoryEvent[] {
  const b = new HistoryBuilder().add(0, "WorkflowStarted", { workflowType: "Big", taskQueue: "q" });
  let seq = 1;
  let ms = 0;
  while (b.build().length < n) {
    ms += 10;
    b.add(ms, "WorkflowTaskCompleted", { worker: "w" });
    b.add(ms, "ActivityScheduled", { seq, activityType: `Step`, taskQueue: "q" });
    b.add(ms + 5, "ActivityCompleted", { seq, result: { json: seq }, attempt: 1 });
    seq++;
  }
  return b.build().slice(0, n);
}
