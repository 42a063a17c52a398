package dev.weft.converter;

import dev.weft.failure.DataConverterException;
import java.lang.reflect.Type;

/**
 * Converts workflow and activity arguments and results to {@link Payload}s and back. The default is
 * {@link JacksonDataConverter}. Implementations are thread-safe and deterministic (the same value
 * gives the same bytes), since workflow code runs again on replay.
 */
public interface DataConverter {

  /**
   * Serializes one value ({@code null} included).
   *
   * @throws DataConverterException if the value cannot be serialized; the message names its type
   */
  Payload toPayload(Object value);

  /**
   * Deserializes one value into {@code type} (a class or a parameterized type).
   *
   * @throws DataConverterException if the payload does not fit the type
   */
  Object fromPayload(Payload payload, Type type);

  /**
   * Serializes the arguments of a call as one payload.
   *
   * @throws DataConverterException if an argument cannot be serialized; the message names its
   *     position and type
   */
  Payload argumentsToPayload(Object[] arguments);

  /**
   * Deserializes the arguments of a call into the parameter types. Missing trailing arguments
   * become {@code null} (or zero for primitives); extra ones are ignored.
   *
   * @throws DataConverterException if an argument does not fit its parameter type
   */
  Object[] argumentsFromPayload(Payload payload, Type[] parameterTypes);
}
