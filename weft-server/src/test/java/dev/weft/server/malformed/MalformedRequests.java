package dev.weft.server.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.http.ApiRoute;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Malformed requests derived from a server's routes and its OpenAPI document, each with one thing
 * wrong, so that every route, including ones added later, is covered without a line of its own: for
 * each route, bodies that are not JSON or not the documented type, each field of the body schema
 * (recursively) with wrong types and broken constraints, each required field left out, an unknown
 * field in each closed object, a body over the size limit; schema-invalid path and query
 * parameters, an unknown query parameter where a route takes some; for each path, the methods it
 * does not take; and paths that are no route.
 */
final class MalformedRequests {
  /** A request to send: a label for failure messages, method, path with query, body or null. */
  record Request(String label, String method, String path, String body) {}

  private static final List<String> NOT_JSON =
      List.of(
          "{",
          "}",
          "{\"a\":",
          "{\"a\" 1}",
          "{'a': 1}",
          "{\"a\": 1,}",
          "{\"a\": 1}{",
          "[1, 2",
          "nul",
          "tru",
          "\"unterminated",
          "<request/>",
          "a=1&b=2",
          "\u0000\u0001",
          "{\"a\": 01}",
          "{\"a\": NaN}");

  private static final List<String> NOT_AN_OBJECT =
      List.of("[]", "[{}]", "1", "1.5", "\"text\"", "true", "null");

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final JsonNode document;
  private final SchemaValues schemas;
  private final Map<String, String> goodPathValues;
  private final long maxBodyBytes;

  /**
   * @param goodPathValues values of path parameters by name that name existing things (others are
   *     {@code x}), so that the only thing wrong in a request is the one spoiled
   * @param maxBodyBytes the server's request body limit
   */
  MalformedRequests(JsonNode document, Map<String, String> goodPathValues, long maxBodyBytes) {
    this.document = document;
    this.schemas = new SchemaValues(document);
    this.goodPathValues = goodPathValues;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Every malformed request of every route, then the wrong methods and unknown paths. */
  List<Request> all(List<ApiRoute> routes) {
    List<Request> requests = new ArrayList<>();
    Set<String> paths = new TreeSet<>();
    for (ApiRoute r : routes) {
      paths.add(r.path());
      requests.addAll(of(r.method().name(), r.path()));
    }
    for (String path : paths) {
      for (String method : METHODS) {
        if (!document.path("paths").path(path).has(method.toLowerCase())) {
          requests.add(new Request("method not taken", method, goodPath(path, Map.of()), "{}"));
        }
      }
    }
    for (String path :
        List.of(
            "/api/v1/nothing",
            "/api/v2/health",
            "/api/v1/namespaces/default/nothing",
            "/api/v1/namespaces/default/workflows/a/b/c/d",
            "/api/v1/namespaces/default/workflows/a/signals",
            // under /api/: a GET of any other path is the web UI's (its page, a deep link)
            "/api/" + "z".repeat(3000))) {
      for (String method : METHODS) {
        requests.add(new Request("no such route", method, path, "{}"));
      }
    }
    return requests;
  }

  /** The malformed requests of one route. */
  List<Request> of(String method, String template) {
    JsonNode op = document.path("paths").path(template).path(method.toLowerCase());
    if (op.isMissingNode()) {
      throw new IllegalStateException(method + " " + template + " is not documented");
    }
    List<JsonNode> params = new ArrayList<>();
    op.path("parameters").forEach(p -> params.add(schemas.resolve(p)));
    String where = method + " " + template;
    JsonNode bodySchema =
        op.path("requestBody").path("content").path("application/json").path("schema");
    boolean hasBody = !bodySchema.isMissingNode();
    String goodBody = hasBody ? SchemaValues.text(schemas.valid(bodySchema)) : null;
    String good = goodPath(template, Map.of());
    List<Request> out = new ArrayList<>();

    // path parameters: values their schema refuses, and a namespace that is not served
    for (JsonNode p : params) {
      if (!p.path("in").asText().equals("path")) {
        continue;
      }
      String name = p.path("name").asText();
      List<String> bad = new ArrayList<>();
      if (name.equals("namespace")) {
        bad.add("no-such-namespace");
      }
      // an empty last segment is another route (the collection), not a malformed request
      boolean last = template.endsWith("{" + name + "}");
      for (JsonNode v : schemas.invalid(p.path("schema"), true)) {
        if (v.isTextual() && !(last && v.asText().isEmpty())) {
          bad.add(v.asText());
        }
      }
      for (String v : bad) {
        out.add(
            new Request(
                where + " path " + name + "=" + abbreviate(v),
                method,
                goodPath(template, Map.of(name, v)),
                goodBody));
      }
    }

    // query parameters: values their schema refuses, and one the route does not take
    boolean takesQuery = false;
    for (JsonNode p : params) {
      if (!p.path("in").asText().equals("query")) {
        continue;
      }
      takesQuery = true;
      String name = p.path("name").asText();
      for (JsonNode v : schemas.invalid(p.path("schema"), false)) {
        if (v.isValueNode() && !v.isNull()) {
          String text = v.asText();
          out.add(
              new Request(
                  where + " query " + name + "=" + abbreviate(text),
                  method,
                  good + "?" + name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8),
                  goodBody));
        }
      }
    }
    if (takesQuery) {
      out.add(new Request(where + " unknown query parameter", method, good + "?zzz=1", goodBody));
    }

    if (hasBody) {
      for (String text : NOT_JSON) {
        out.add(new Request(where + " not JSON: " + text, method, good, text));
      }
      for (String text : NOT_AN_OBJECT) {
        out.add(new Request(where + " body " + text, method, good, text));
      }
      if (op.path("requestBody").path("required").asBoolean(false)) {
        out.add(new Request(where + " no body", method, good, null));
      }
      out.add(
          new Request(
              where + " body over the limit",
              method,
              good,
              "{\"a\":\"" + "x".repeat((int) maxBodyBytes + 1) + "\"}"));
      ObjectNode valid = (ObjectNode) schemas.valid(bodySchema);
      spoil(where, method, good, valid, bodySchema, "", valid, out);
    }
    return out;
  }

  /**
   * One request per way to spoil each field of {@code object} (at {@code prefix}) in {@code root}.
   */
  private void spoil(
      String where,
      String method,
      String path,
      ObjectNode root,
      JsonNode schema,
      String prefix,
      ObjectNode object,
      List<Request> out) {
    if (schemas.closed(schema)) {
      out.add(
          body(where, prefix + "zzz unknown", method, path, root, object, o -> o.put("zzz", 1)));
    }
    JsonNode mapValues = schemas.mapValues(schema);
    if (mapValues != null) {
      for (JsonNode bad : schemas.invalid(mapValues, true)) {
        out.add(
            body(
                where,
                prefix + "(entry)=" + abbreviate(bad.toString()),
                method,
                path,
                root,
                object,
                o -> o.set("key", bad)));
      }
    }
    for (Map.Entry<String, JsonNode> p : schemas.properties(schema)) {
      String name = p.getKey();
      String field = prefix + name;
      boolean required = schemas.required(schema, name);
      if (required) {
        out.add(body(where, field + " left out", method, path, root, object, o -> o.remove(name)));
      }
      for (JsonNode bad : schemas.invalid(p.getValue(), required)) {
        out.add(
            body(
                where,
                field + "=" + abbreviate(bad.toString()),
                method,
                path,
                root,
                object,
                o -> o.set(name, bad)));
      }
      JsonNode child = object.get(name);
      if (child instanceof ObjectNode childObject
          && SchemaValues.types(schemas.resolve(p.getValue())).contains("object")) {
        spoil(where, method, path, root, p.getValue(), field + ".", childObject, out);
      }
    }
  }

  /** A request whose body is {@code root} with {@code change} applied to {@code object}. */
  private static Request body(
      String where,
      String what,
      String method,
      String path,
      ObjectNode root,
      ObjectNode object,
      Consumer<ObjectNode> change) {
    ObjectNode saved = object.deepCopy();
    change.accept(object);
    String text = SchemaValues.text(root);
    Iterator<String> names = saved.fieldNames();
    object.removeAll();
    names.forEachRemaining(n -> object.set(n, saved.get(n)));
    return new Request(where + " body " + what, method, path, text);
  }

  /** The path with good values, except {@code overrides}. */
  private String goodPath(String template, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(goodPathValues);
    values.putAll(overrides);
    List<String> segments = new ArrayList<>();
    for (String segment : template.split("/", -1)) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String value = values.getOrDefault(segment.substring(1, segment.length() - 1), "x");
        segments.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
      } else {
        segments.add(segment);
      }
    }
    return String.join("/", segments);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
  }
}
