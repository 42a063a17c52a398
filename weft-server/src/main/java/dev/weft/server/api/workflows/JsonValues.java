package dev.weft.server.api.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Payloads between JSON and the client: arguments become plain Java values (maps, lists, strings,
 * numbers, booleans, null) that any data converter writes; results come back as JSON trees.
 */
final class JsonValues {
  private JsonValues() {}

  /** The arguments as Java values; none for null. */
  static Object[] args(List<JsonNode> args) {
    if (args == null) {
      return new Object[0];
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = toJava(args.get(i));
    }
    return values;
  }

  /** A JSON value as Java: Map, List, String, Integer/Long/BigInteger, Double, Boolean or null. */
  static Object toJava(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return ApiJson.MAPPER.treeToValue(node, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read a JSON value: " + e.getOriginalMessage(), e);
    }
  }

  /** A Java value (a result, an answer) as JSON; null is JSON null. */
  static JsonNode toJson(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    JsonNode node = ApiJson.MAPPER.valueToTree(value);
    return node == null ? NullNode.getInstance() : node;
  }

  /**
   * A search attribute value as the engine takes it: a string (KEYWORD, TEXT, or an RFC 3339
   * DATETIME), a Long, a Double, a Boolean or a list of strings. Whether it fits the registered
   * type is the engine's check.
   *
   * @throws ApiProblem 400 naming {@code field} for any other JSON value
   */
  static Object searchAttribute(String field, JsonNode node) {
    if (node != null) {
      if (node.isTextual()) {
        return node.textValue();
      }
      if (node.isIntegralNumber() && node.canConvertToLong()) {
        return node.longValue();
      }
      if (node.isFloatingPointNumber()) {
        return node.doubleValue();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      if (node.isArray() && !node.isEmpty()) {
        List<String> keywords = new ArrayList<>();
        for (JsonNode item : node) {
          if (!item.isTextual()) {
            keywords = null;
            break;
          }
          keywords.add(item.textValue());
        }
        if (keywords != null) {
          return keywords;
        }
      }
    }
    throw ApiProblem.badField(
        field,
        node,
        "field '"
            + field
            + "': a search attribute value is a string, a 64-bit integer, a number, a boolean"
            + " or a non-empty array of strings, got "
            + (node == null ? "null" : node.getNodeType().name().toLowerCase()));
  }
}
