package dev.weft.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.weft.server.api.OpenApiRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The server's OpenAPI document, read from the class path as the server serves it, with the checks
 * the API tests apply: which operations it documents, and whether an answer matches the documented
 * response of its operation (status, content type, body schema, validated with a JSON Schema
 * 2020-12 validator: OpenAPI 3.1's dialect).
 */
public final class OpenApiDocument {
  private static final OpenApiDocument INSTANCE = new OpenApiDocument();
  private static final String LOCATION = "classpath:" + OpenApiRoutes.RESOURCE.substring(1);

  private final JsonNode root;
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiDocument() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document. */
  public static OpenApiDocument get() {
    return INSTANCE;
  }

  /** The document as JSON. */
  public JsonNode root() {
    return root;
  }

  /** Every documented operation as {@code "METHOD /path/{param}"}. */
  public Set<String> operations() {
    Set<String> ops = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (String m : List.of("get", "post", "put", "patch", "delete")) {
        if (p.getValue().has(m)) {
          ops.add(m.toUpperCase() + " " + p.getKey());
        }
      }
    }
    return ops;
  }

  /** Fails unless {@code answer} is a documented response of {@code method path}. */
  public void checkResponse(String method, String concretePath, ApiCalls.Answer answer) {
    String path =
        concretePath.contains("?")
            ? concretePath.substring(0, concretePath.indexOf('?'))
            : concretePath;
    String template = templateOf(path);
    String where = method + " " + concretePath + " -> " + answer.status() + " " + answer.body();
    if (template == null || !root.path("paths").path(template).has(method.toLowerCase())) {
      assertThat(answer.status()).as("undocumented route answered: %s", where).isIn(404, 405);
      checkBody(answer, "#/components/schemas/Problem", where);
      return;
    }
    JsonNode op = root.path("paths").path(template).path(method.toLowerCase());
    String pointerBase = "#/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/";
    JsonNode responses = op.path("responses");
    String code = String.valueOf(answer.status());
    String key = responses.has(code) ? code : responses.has("default") ? "default" : null;
    if (key == null) {
      fail("status %s is not documented for %s %s: %s", code, method, template, where);
    }
    JsonNode response = responses.path(key);
    String refBase = pointerBase + key;
    if (response.has("$ref")) {
      refBase = response.path("$ref").asText();
      response = resolve(refBase);
    }
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      assertThat(answer.body()).as("documented without a body: %s", where).isEmpty();
      return;
    }
    String ct = answer.contentType().split(";")[0].trim();
    assertThat(content.has(ct))
        .as("content type %s not documented (%s): %s", ct, content.fieldNames(), where)
        .isTrue();
    if (content.path(ct).has("schema")) {
      checkBody(answer, refBase + "/content/" + escape(ct) + "/schema", where);
    }
  }

  private void checkBody(ApiCalls.Answer answer, String pointer, String where) {
    Schema schema =
        schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(LOCATION + p)));
    List<Error> errors = schema.validate(answer.body(), InputFormat.JSON);
    assertThat(errors).as("body does not match %s: %s", pointer, where).isEmpty();
  }

  private JsonNode resolve(String ref) {
    return root.at(ref.substring(1));
  }

  private String templateOf(String path) {
    Iterator<String> names = root.path("paths").fieldNames();
    while (names.hasNext()) {
      String t = names.next();
      String regex = Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      if (path.matches(regex)) {
        return t;
      }
    }
    return null;
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
