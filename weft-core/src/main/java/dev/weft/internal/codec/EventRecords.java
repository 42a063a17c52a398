package dev.weft.internal.codec;

import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.store.EventRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** History events as the store keeps them: encoded for appends, decoded for replay and reads. */
public final class EventRecords {
  private final EventCodec codec;

  public EventRecords(EventCodec codec) {
    this.codec = codec;
  }

  /** Encodes a history event for the store. */
  public EventRecord record(long eventId, Instant time, EventAttributes attributes) {
    return new EventRecord(
        eventId, attributes.getClass().getSimpleName(), time, codec.encode(attributes));
  }

  /** Decodes stored history events. */
  public List<HistoryEvent> decode(List<EventRecord> records) {
    List<HistoryEvent> events = new ArrayList<>(records.size());
    for (EventRecord r : records) {
      events.add(new HistoryEvent(r.eventId(), r.time(), codec.decode(r.data())));
    }
    return events;
  }
}
