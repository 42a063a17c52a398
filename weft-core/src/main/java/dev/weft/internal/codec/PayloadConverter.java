package dev.weft.internal.codec;

import dev.weft.converter.DataConverter;
import dev.weft.converter.Payload;
import dev.weft.converter.PayloadCodec;
import dev.weft.failure.DataConverterException;
import dev.weft.failure.PayloadTooLargeException;
import java.lang.reflect.Type;

/**
 * The engine's one path between values and stored payloads: the data converter, then the codec,
 * then the size limit (checked on what is actually stored).
 */
public final class PayloadConverter {
  private final DataConverter converter;
  private final PayloadCodec codec;
  private final long maxPayloadBytes;

  /**
   * Creates a converter.
   *
   * @param converter values to payloads
   * @param codec transforms payload bytes, or {@code null}
   * @param maxPayloadBytes the largest payload accepted
   */
  public PayloadConverter(DataConverter converter, PayloadCodec codec, long maxPayloadBytes) {
    this.converter = converter;
    this.codec = codec;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Encodes one value.
   *
   * @param what names the value in error messages ("result of workflow 'X'")
   * @throws DataConverterException if it cannot be serialized
   * @throws PayloadTooLargeException if it is over the limit
   */
  public Payload encode(Object value, String what) {
    Payload payload;
    try {
      payload = converter.toPayload(value);
    } catch (DataConverterException e) {
      throw new DataConverterException(what + ": " + e.getMessage(), e.getCause());
    }
    return checked(codec == null ? payload : codec.encode(payload), what);
  }

  /** Encodes the arguments of a call; see {@link #encode}. */
  public Payload encodeArguments(Object[] args, String what) {
    Payload payload;
    try {
      payload = converter.argumentsToPayload(args);
    } catch (DataConverterException e) {
      throw new DataConverterException(what + ": " + e.getMessage(), e.getCause());
    }
    return checked(codec == null ? payload : codec.encode(payload), what);
  }

  /** Decodes one value into a type. */
  public Object decode(Payload payload, Type type) {
    if (type == void.class || type == Void.class) {
      return null;
    }
    return converter.fromPayload(codec == null ? payload : codec.decode(payload), type);
  }

  /** Decodes the arguments of a call into parameter types. */
  public Object[] decodeArguments(Payload payload, Type[] types) {
    return converter.argumentsFromPayload(codec == null ? payload : codec.decode(payload), types);
  }

  /**
   * Applies the codec and the size limit to a payload the converter's format already has (a remote
   * worker's JSON result): what {@link #encode} does after the converter.
   */
  public Payload seal(Payload converted, String what) {
    return checked(codec == null ? converted : codec.encode(converted), what);
  }

  /** Undoes the codec: the payload as the converter made it (for a remote worker). */
  public Payload open(Payload stored) {
    return codec == null ? stored : codec.decode(stored);
  }

  /** Returns the payload limit in bytes. */
  public long maxPayloadBytes() {
    return maxPayloadBytes;
  }

  private Payload checked(Payload payload, String what) {
    if (payload.size() > maxPayloadBytes) {
      throw new PayloadTooLargeException(what, payload.size(), maxPayloadBytes);
    }
    return payload;
  }
}
