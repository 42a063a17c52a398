package dev.weft.assets.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON mapper of the built-in IO managers: map entries sorted, so equal data hashes equal. */
public final class Json {
  private Json() {}

  /** Returns a new mapper with the modules on the class path and sorted map entries. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .findAndAddModules()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
  }
}
