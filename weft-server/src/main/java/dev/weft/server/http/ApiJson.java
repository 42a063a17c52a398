package dev.weft.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/**
 * The API's JSON: strict on the way in (an unknown field, a wrong type or a missing required field
 * is a 400 that names the field), ISO-8601 times and no nulls on the way out.
 */
public final class ApiJson {
  /** The mapper of every request and response body. Thread-safe. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(isoDurationsOnly())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          // no coercion between JSON types: "5" is not a number, 5 is not a string, 1.5 is not an
          // integer, 0 is not a boolean (a wrong type is a 400 naming the field)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Boolean,
              c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
          .build();

  private ApiJson() {}

  /**
   * Durations are ISO-8601 strings ({@code "PT30S"}) only: Jackson's own reader would also take a
   * number as seconds, which the API does not document.
   */
  private static SimpleModule isoDurationsOnly() {
    SimpleModule module = new SimpleModule("weft-iso-durations");
    module.addDeserializer(
        Duration.class,
        new StdScalarDeserializer<>(Duration.class) {
          @Override
          public Duration deserialize(JsonParser p, DeserializationContext ctxt)
              throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
              return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            String text = p.getText();
            try {
              return Duration.parse(text);
            } catch (DateTimeParseException e) {
              return (Duration)
                  ctxt.handleWeirdStringValue(
                      Duration.class, text, "expected an ISO-8601 duration such as PT30S");
            }
          }
        });
    return module;
  }

  /**
   * Reads the request body as {@code type}.
   *
   * @throws ApiProblem 400 {@code malformed-json} for a body that is not JSON, 400 {@code
   *     invalid-field} naming the field for an unknown field, a wrong type or a bad value, 400
   *     {@code missing-body} for an empty body
   */
  public static <T> T read(Context ctx, Class<T> type) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiProblem.of(
          400, "missing-body", "Missing body", "this route needs a JSON body, and got none");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw ApiProblem.of(
            400, "missing-body", "Missing body", "this route needs a JSON object, got null");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiProblem.badField(
          fieldPath(e),
          e.getPropertyName(),
          "unknown field '"
              + fieldPath(e)
              + "'; expected one of "
              + e.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    } catch (InvalidFormatException e) {
      throw ApiProblem.badField(
          fieldPath(e),
          String.valueOf(e.getValue()),
          "field '" + fieldPath(e) + "': " + firstLine(e.getOriginalMessage()));
    } catch (MismatchedInputException e) {
      String field = fieldPath(e);
      throw ApiProblem.badField(
          field.isEmpty() ? "(body)" : field,
          null,
          (field.isEmpty() ? "the body" : "field '" + field + "'")
              + ": "
              + firstLine(e.getOriginalMessage()));
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      String field = fieldPath(e);
      String why =
          cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
      throw ApiProblem.badField(
          field.isEmpty() ? "(body)" : field,
          null,
          (field.isEmpty() ? "the body" : "field '" + field + "'") + ": " + firstLine(why));
    } catch (JsonProcessingException e) {
      throw ApiProblem.of(
          400,
          "malformed-json",
          "Malformed JSON",
          "the body is not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw ApiProblem.of(400, "malformed-json", "Malformed JSON", "the body cannot be read");
    }
  }

  /** Writes {@code value} as the JSON response with {@code status}. */
  public static void write(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response as JSON", e);
    }
  }

  /** Converts a JSON tree to a value of {@code type} (for payloads whose type the route knows). */
  public static <T> T convert(JsonNode node, Class<T> type) {
    return MAPPER.convertValue(node, type);
  }

  /**
   * The field a mapping error is about, as a problem's {@code field} names it: {@code spec.cron},
   * {@code reports[1].taskToken}.
   */
  public static String fieldPath(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    // Jackson names Java types; the API's user knows JSON types
    return line.replaceAll("`[a-z][\\w.$]*\\.(\\w+)`", "$1")
        .replaceAll("\\(class [^)]*\\)", "")
        .trim();
  }
}
