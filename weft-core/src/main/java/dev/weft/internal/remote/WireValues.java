package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.weft.converter.DataConverter;
import dev.weft.converter.Payload;
import dev.weft.failure.DataConverterException;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Arguments and results as the API carries them: JSON values, made and read by the client's data
 * converter (which must therefore produce JSON payloads).
 */
final class WireValues {
  private final DataConverter converter;

  WireValues(DataConverter converter) {
    this.converter = converter;
  }

  /** The arguments as a JSON array; {@code what} names them in errors ("input of signal 'x'"). */
  ArrayNode args(Object[] args, String what) {
    JsonNode node;
    try {
      node = json(converter.argumentsToPayload(args == null ? new Object[0] : args));
    } catch (DataConverterException e) {
      throw new DataConverterException(what + ": " + e.getMessage(), e.getCause());
    }
    if (!(node instanceof ArrayNode array)) {
      throw new DataConverterException(
          "the data converter turned the arguments into "
              + node.getNodeType()
              + ", not a JSON array",
          null);
    }
    return array;
  }

  /** One value as JSON. */
  JsonNode value(Object value) {
    return json(converter.toPayload(value));
  }

  /** Reads a JSON value as {@code type} ({@code null} for a missing value or a void type). */
  Object read(JsonNode node, Type type) {
    if (type == void.class || type == Void.class) {
      return null;
    }
    JsonNode value = node == null || node.isMissingNode() ? ApiTransport.JSON.nullNode() : node;
    try {
      return converter.fromPayload(
          new Payload(Payload.JSON, ApiTransport.JSON.writeValueAsBytes(value)), type);
    } catch (IOException e) {
      throw new DataConverterException("cannot read " + value + " as " + type.getTypeName(), e);
    }
  }

  private static JsonNode json(Payload payload) {
    if (!Payload.JSON.equals(payload.encoding())) {
      throw new DataConverterException(
          "the Weft API carries JSON values, but the data converter made a payload encoded '"
              + payload.encoding()
              + "'; use a converter that writes JSON (encryption at rest is the server's"
              + " PayloadCodec)",
          null);
    }
    try {
      return ApiTransport.JSON.readTree(payload.data());
    } catch (IOException e) {
      throw new DataConverterException(
          "the data converter made a payload marked JSON that is not JSON: " + payload, e);
    }
  }
}
