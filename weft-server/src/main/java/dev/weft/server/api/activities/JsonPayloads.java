package dev.weft.server.api.activities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.weft.converter.Payload;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Payloads as JSON values for remote workers: the engine's default converter writes JSON, which the
 * API hands out as it is and takes back the same way.
 */
final class JsonPayloads {
  private JsonPayloads() {}

  /** A JSON value (null for a missing one) as a payload in the converter's JSON encoding. */
  static Payload toPayload(JsonNode value) {
    JsonNode v = value == null ? NullNode.getInstance() : value;
    try {
      return new Payload(Payload.JSON, ApiJson.MAPPER.writeValueAsBytes(v));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON value", e);
    }
  }

  /**
   * A payload as a JSON value.
   *
   * @throws ApiProblem 422 {@code payload-not-json} when the engine's converter does not write JSON
   *     (remote workers need the default JSON converter)
   */
  static JsonNode toJson(Payload payload, String what) {
    if (payload == null) {
      return null;
    }
    if (!Payload.JSON.equals(payload.encoding())) {
      throw ApiProblem.of(
          422,
          "payload-not-json",
          "Payload not JSON",
          what
              + " is encoded as '"
              + payload.encoding()
              + "', not JSON: remote workers need the engine's default JSON data converter");
    }
    try {
      return ApiJson.MAPPER.readTree(payload.data());
    } catch (IOException e) {
      throw ApiProblem.of(
          422,
          "payload-not-json",
          "Payload not JSON",
          what + " is not valid JSON: " + new String(payload.data(), StandardCharsets.UTF_8));
    }
  }
}
