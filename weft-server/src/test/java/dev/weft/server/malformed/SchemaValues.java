package dev.weft.server.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Values derived from the JSON Schemas of an OpenAPI document: a valid value of a schema (every
 * property filled, so that each can be spoiled alone), and the invalid values of a schema (wrong
 * JSON types, values that break its constraints).
 */
final class SchemaValues {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final JsonNode document;

  SchemaValues(JsonNode document) {
    this.document = document;
  }

  /** The schema a {@code $ref} points to, or the schema itself. */
  JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      s = document.at(s.path("$ref").asText().substring(1));
    }
    return s;
  }

  /** A valid value: strings fit length, pattern and enum; objects have every property. */
  JsonNode valid(JsonNode schema) {
    JsonNode s = resolve(schema);
    if (s.has("enum")) {
      return s.path("enum").get(0);
    }
    if (s.has("const")) {
      return s.path("const");
    }
    String type = types(s).isEmpty() ? "any" : types(s).get(0);
    return switch (type) {
      case "string" -> F.textNode(validString(s));
      case "integer" -> F.numberNode(Math.max(1, s.path("minimum").asLong(1)));
      case "number" -> F.numberNode(Math.max(1.0, s.path("minimum").asDouble(1.0)));
      case "boolean" -> F.booleanNode(true);
      case "array" -> F.arrayNode();
      case "object" -> {
        ObjectNode o = F.objectNode();
        for (Map.Entry<String, JsonNode> p : properties(s)) {
          o.set(p.getKey(), valid(p.getValue()));
        }
        yield o;
      }
      default -> F.numberNode(1);
    };
  }

  private static String validString(JsonNode s) {
    if (s.has("pattern")) {
      // the document's patterns are ISO-8601 durations
      return "PT1S";
    }
    int min = s.path("minLength").asInt(1);
    return "x".repeat(Math.max(1, min));
  }

  /** Values that break {@code schema}: wrong types, then broken constraints. */
  List<JsonNode> invalid(JsonNode schema, boolean required) {
    JsonNode s = resolve(schema);
    List<JsonNode> bad = new ArrayList<>();
    List<String> allowed = types(s);
    if (s.has("enum")) {
      bad.add(F.textNode("NOT_ONE_OF_THEM"));
      bad.add(F.numberNode(0));
      bad.add(F.arrayNode());
    } else if (!allowed.isEmpty()) {
      for (String t : List.of("string", "integer", "number", "boolean", "array", "object")) {
        if (allowed.contains(t) || (t.equals("integer") && allowed.contains("number"))) {
          continue;
        }
        bad.add(sample(t));
      }
    }
    if (s.has("not") && resolve(s.path("not")).path("type").asText().equals("null")) {
      bad.add(F.nullNode());
    } else if (required && !allowed.isEmpty()) {
      bad.add(F.nullNode());
    }
    if (s.has("minLength") && s.path("minLength").asInt() > 0) {
      bad.add(F.textNode(""));
    }
    if (s.has("maxLength")) {
      bad.add(F.textNode("y".repeat(s.path("maxLength").asInt() + 1)));
    }
    if (s.has("pattern")) {
      bad.add(F.textNode("not a duration"));
    }
    if (s.has("minimum")) {
      bad.add(F.numberNode(s.path("minimum").asDouble() - 1));
      if (allowed.contains("integer")) {
        bad.add(F.numberNode(s.path("minimum").asLong() - 1));
      }
    }
    if (s.has("exclusiveMinimum")) {
      bad.add(F.numberNode(s.path("exclusiveMinimum").asDouble()));
    }
    if (s.has("maximum")) {
      bad.add(F.numberNode(s.path("maximum").asLong() + 1));
    }
    return bad;
  }

  /** The properties of an object schema. */
  List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
    List<Map.Entry<String, JsonNode>> props = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = resolve(schema).path("properties").fields();
    it.forEachRemaining(props::add);
    return props;
  }

  /** Whether an object schema refuses properties it does not list. */
  boolean closed(JsonNode schema) {
    JsonNode a = resolve(schema).path("additionalProperties");
    return a.isBoolean() && !a.asBoolean();
  }

  /** The schema of the values of a map-like object schema, or null. */
  JsonNode mapValues(JsonNode schema) {
    JsonNode a = resolve(schema).path("additionalProperties");
    return a.isObject() ? a : null;
  }

  boolean required(JsonNode objectSchema, String property) {
    for (JsonNode r : resolve(objectSchema).path("required")) {
      if (r.asText().equals(property)) {
        return true;
      }
    }
    return false;
  }

  static List<String> types(JsonNode s) {
    JsonNode t = s.path("type");
    List<String> types = new ArrayList<>();
    if (t.isTextual()) {
      types.add(t.asText());
    } else if (t.isArray()) {
      t.forEach(x -> types.add(x.asText()));
    }
    return types;
  }

  private static JsonNode sample(String type) {
    return switch (type) {
      case "string" -> F.textNode("a string");
      case "integer" -> F.numberNode(7);
      case "number" -> F.numberNode(7.25);
      case "boolean" -> F.booleanNode(false);
      case "array" -> {
        ArrayNode a = F.arrayNode();
        a.add("item");
        yield a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        o.put("k", "v");
        yield o;
      }
    };
  }

  /** JSON text of a node. */
  static String text(JsonNode node) {
    try {
      return new ObjectMapper().writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
