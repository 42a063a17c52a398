package dev.weft.history;

import dev.weft.internal.codec.EventCodec;
import dev.weft.store.EventRecord;

/**
 * Reads and writes history events in the form the engine stores them ({@link EventRecord#data()}):
 * for tools and checks that read a store directly (benchmark verifications, exporters) instead of
 * going through a client, and for store extensions that keep an inbound event to deliver later (a
 * run waiting for an asset keeps the {@code SignalReceived} that wakes it). The form is the
 * engine's; it is read back by every later release.
 *
 * <p>Thread-safe.
 */
public final class StoredEvents {
  private StoredEvents() {}

  /**
   * Decodes the attributes of a stored event.
   *
   * @throws IllegalStateException if the bytes are not a stored history event (the message shows
   *     them)
   */
  public static EventAttributes decode(byte[] data) {
    return EventCodec.shared().decode(data);
  }

  /**
   * Decodes a stored event with its ID and time.
   *
   * @throws IllegalStateException if the record's data is not a stored history event
   */
  public static HistoryEvent decode(EventRecord record) {
    return new HistoryEvent(record.eventId(), record.time(), decode(record.data()));
  }

  /**
   * Encodes event attributes as the engine stores them, for a {@code Write.InsertInbox} that a
   * store extension applies later (the inbox event type is the attributes' simple class name,
   * {@code SignalReceived}). Payloads inside are stored as given: pass them as the engine's
   * converter and codec would have made them.
   */
  public static byte[] encode(EventAttributes attributes) {
    return EventCodec.shared().encode(attributes);
  }
}
