package dev.weft.internal.codec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.history.WorkflowHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes history events, inbox events and the engine's own records as JSON. Payloads of JSON
 * encoding are embedded as JSON (readable exports); others as base64.
 */
public final class EventCodec {
  private static final EventCodec SHARED = new EventCodec();

  private final ObjectMapper mapper;
  private final ObjectMapper export;

  private EventCodec() {
    this.mapper = mapper(false);
    this.export = mapper(true);
  }

  /**
   * The storage mapper keeps payloads as their bytes (base64 in the JSON text), so decoding an
   * event never re-serializes a payload; the export mapper embeds JSON payloads as JSON, for people
   * and tools that read exported histories. Both read both forms.
   */
  private static ObjectMapper mapper(boolean inlineJson) {
    SimpleModule module = new SimpleModule("weft-events");
    module.addSerializer(Payload.class, new PayloadSerializer(inlineJson));
    module.addDeserializer(Payload.class, new PayloadDeserializer());
    module.setMixInAnnotation(EventAttributes.class, EventAttributesMixin.class);
    for (Class<?> type : EventAttributes.class.getPermittedSubclasses()) {
      if (type.isRecord()) {
        module.registerSubtypes(new NamedType(type, type.getSimpleName()));
      }
    }
    return JsonMapper.builder(
            JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build())
        .addModule(new JavaTimeModule())
        .addModule(module)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** Returns the codec (it is stateless and thread-safe). */
  public static EventCodec shared() {
    return SHARED;
  }

  /** Returns the mapper, for the engine's other internal records. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** Encodes event attributes for the store. */
  public byte[] encode(EventAttributes attributes) {
    try {
      return mapper.writeValueAsBytes(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode event " + attributes, e);
    }
  }

  /** Decodes event attributes stored by {@link #encode}. */
  public EventAttributes decode(byte[] data) {
    try {
      return mapper.readValue(data, EventAttributes.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot decode stored event " + new String(data, StandardCharsets.UTF_8), e);
    }
  }

  /** Encodes any of the engine's internal records. */
  public byte[] encodeValue(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value, e);
    }
  }

  /** Decodes one of the engine's internal records. */
  public <T> T decodeValue(byte[] data, Class<T> type) {
    try {
      return mapper.readValue(data, type);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot decode " + type.getSimpleName() + " " + new String(data, StandardCharsets.UTF_8),
          e);
    }
  }

  /** Renders a history as pretty JSON. */
  public String historyToJson(WorkflowHistory history) {
    try {
      return export.writerWithDefaultPrettyPrinter().writeValueAsString(history);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render history of run " + history.runId(), e);
    }
  }

  /** Parses a history rendered by {@link #historyToJson}. */
  public WorkflowHistory historyFromJson(String json) {
    try {
      return export.readValue(json, WorkflowHistory.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Weft workflow history: " + e.getMessage(), e);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  @JsonIgnoreProperties({"command"})
  private interface EventAttributesMixin {}

  private static final class PayloadSerializer extends JsonSerializer<Payload> {
    private final boolean inlineJson;

    PayloadSerializer(boolean inlineJson) {
      this.inlineJson = inlineJson;
    }

    @Override
    public void serialize(Payload p, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      if (inlineJson && Payload.JSON.equals(p.encoding())) {
        gen.writeFieldName("json");
        gen.writeRawValue(new String(p.data(), StandardCharsets.UTF_8));
      } else {
        gen.writeStringField("encoding", p.encoding());
        gen.writeFieldName("base64");
        gen.writeBinary(p.data());
      }
      gen.writeEndObject();
    }
  }

  private static final class PayloadDeserializer extends JsonDeserializer<Payload> {
    @Override
    public Payload deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
      String encoding = null;
      byte[] data = null;
      String first =
          parser.currentToken() == JsonToken.START_OBJECT
              ? parser.nextFieldName()
              : parser.currentName();
      for (String field = first; field != null; field = parser.nextFieldName()) {
        parser.nextToken();
        switch (field) {
          case "encoding" -> encoding = parser.getValueAsString();
          case "base64" -> data = parser.getBinaryValue();
          case "json" -> {
            JsonNode node = parser.readValueAsTree();
            data = ((ObjectMapper) parser.getCodec()).writeValueAsBytes(node);
            encoding = Payload.JSON;
          }
          default -> parser.skipChildren();
        }
      }
      if (encoding == null || data == null) {
        throw ctx.weirdStringException("payload", Payload.class, "needs encoding and data");
      }
      return new Payload(encoding, data);
    }
  }
}
