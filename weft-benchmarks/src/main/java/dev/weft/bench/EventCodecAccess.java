package dev.weft.bench;

import dev.weft.converter.JacksonDataConverter;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.history.StoredEvents;
import java.util.List;

/** Reads stored events and payloads the way the engine wrote them, for result checks. */
final class EventCodecAccess {
  private EventCodecAccess() {}

  private static final JacksonDataConverter JSON = new JacksonDataConverter();

  static EventAttributes decode(byte[] data) {
    return StoredEvents.decode(data);
  }

  static List<String> readStrings(Payload payload) {
    return List.of((String[]) JSON.fromPayload(payload, String[].class));
  }
}
