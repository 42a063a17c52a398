package dev.weft.converter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A serialized value: bytes and the name of their encoding.
 *
 * @param encoding how {@code data} was produced ({@link #JSON}, or a codec's name)
 * @param data the bytes
 */
public record Payload(String encoding, byte[] data) {

  /** The encoding of JSON produced by the default converter, without a codec. */
  public static final String JSON = "json";

  /** Validates the record. */
  public Payload {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(data, "data");
  }

  /** Returns a JSON payload of the given text. */
  public static Payload json(String json) {
    return new Payload(JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the size of the data in bytes. */
  public int size() {
    return data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload p && encoding.equals(p.encoding) && Arrays.equals(data, p.data);
  }

  @Override
  public int hashCode() {
    return 31 * encoding.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    if (JSON.equals(encoding) && data.length <= 200) {
      return new String(data, StandardCharsets.UTF_8);
    }
    return "Payload[" + encoding + ", " + data.length + " bytes]";
  }
}
