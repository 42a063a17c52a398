import { useEffect, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { HistoryEvent } from "../../components/timeline/history";
import { Time } from "../../components/Time";
import { summarizeEvent } from "./eventSummary";

/** Height of one compact row in pixels. */
export const EVENT_ROW_HEIGHT = 26;

interface Props {
  events: readonly HistoryEvent[];
  /** An event to scroll to and highlight. */
  selected?: number;
}

/**
 * The history as a list: compact (one line per event: ID, time, type, summary) or raw JSON (each
 * event's JSON expandable). Virtualized: only the rows in view are rendered, whatever the length.
 */
export function EventList({ events, selected }: Props) {
  const [mode, setMode] = useState<"compact" | "json">("compact");
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const scroll = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroll.current,
    estimateSize: () => EVENT_ROW_HEIGHT,
    overscan: 10,
  });

  useEffect(() => {
    if (selected !== undefined) {
      const index = events.findIndex((e) => e.eventId === selected);
      if (index >= 0) rows.scrollToIndex(index, { align: "center" });
    }
  }, [selected, events, rows]);

  useEffect(() => {
    rows.measure();
  }, [mode, rows]);

  const toggle = (id: number) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="events" aria-label="Events">
      <div className="events-tools" role="group" aria-label="Event view">
        <button type="button" className="button" aria-pressed={mode === "compact"} onClick={() => setMode("compact")}>
          Compact
        </button>
        <button type="button" className="button" aria-pressed={mode === "json"} onClick={() => setMode("json")}>
          Raw JSON
        </button>
        <span className="muted">{events.length} events</span>
      </div>
      <div ref={scroll} className="events-scroll" data-testid="events-scroll">
        <div style={{ height: rows.getTotalSize(), position: "relative" }}>
          {rows.getVirtualItems().map((item) => {
            const e = events[item.index];
            if (e === undefined) return null;
            const open = mode === "json" && expanded.has(e.eventId);
            return (
              <div
                key={e.eventId}
                ref={mode === "json" ? rows.measureElement : undefined}
                data-index={item.index}
                className={`event-row${e.eventId === selected ? " selected" : ""}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {mode === "compact" ? (
                  <div className="event-line">
                    <span className="mono">{e.eventId}</span>
                    <Time value={e.time} />
                    <span className="event-type">{e.attributes.type}</span>
                    <span className="event-summary">{summarizeEvent(e)}</span>
                  </div>
                ) : (
                  <>
                    <button
                      type="button"
                      className="event-line event-toggle"
                      aria-expanded={open}
                      onClick={() => toggle(e.eventId)}
                    >
                      <span className="mono">{e.eventId}</span>
                      <span className="event-type">{e.attributes.type}</span>
                      <span className="event-summary mono">{open ? "" : JSON.stringify(e.attributes)}</span>
                    </button>
                    {open && <pre className="event-json">{JSON.stringify(e, null, 2)}</pre>}
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
