package dev.weft.bench;

import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads stored events and payloads the way the engine wrote them, for result checks. */
final class EventCodecAccess {
  private EventCodecAccess() {}

  static EventAttributes decode(byte[] data) {
    return EventCodec.shared().decode(data);
  }

  static List<String> readStrings(Payload payload) {
    try {
      return List.of(EventCodec.shared().mapper().readValue(payload.data(), String[].class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
