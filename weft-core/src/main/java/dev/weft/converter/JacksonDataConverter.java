package dev.weft.converter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.weft.failure.DataConverterException;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The default {@link DataConverter}: JSON with Jackson. Records, collections, {@code java.time}
 * types and ordinary beans work out of the box; pass a configured {@link ObjectMapper} for more.
 */
public final class JacksonDataConverter implements DataConverter {
  private final ObjectMapper mapper;

  /**
   * Creates a converter with Weft's default mapper: java.time support (instants and durations as
   * ISO-8601 strings), lenient on unknown properties.
   */
  public JacksonDataConverter() {
    this(defaultMapper());
  }

  /** Creates a converter over a configured mapper. */
  public JacksonDataConverter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Returns a mapper configured as Weft's default. Its buffers are recycled through a shared pool
   * rather than per thread: Weft runs activities and workflows on virtual threads, which are new
   * for every task, so per-thread recycling would allocate fresh buffers for every value.
   */
  public static ObjectMapper defaultMapper() {
    return JsonMapper.builder(
            JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  @Override
  public Payload toPayload(Object value) {
    try {
      return new Payload(Payload.JSON, mapper.writeValueAsBytes(value));
    } catch (IOException | RuntimeException e) {
      throw new DataConverterException(
          "cannot serialize a value of type "
              + (value == null ? "null" : value.getClass().getName())
              + " to JSON: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public Object fromPayload(Payload payload, Type type) {
    requireJson(payload);
    try {
      JavaType javaType = mapper.getTypeFactory().constructType(type);
      return mapper.readValue(payload.data(), javaType);
    } catch (IOException | RuntimeException e) {
      throw new DataConverterException(
          "cannot read JSON " + payload + " as " + type.getTypeName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Payload argumentsToPayload(Object[] arguments) {
    Object[] args = arguments == null ? new Object[0] : arguments;
    try {
      return new Payload(Payload.JSON, mapper.writeValueAsBytes(args));
    } catch (IOException | RuntimeException e) {
      throw diagnose(args, e);
    }
  }

  /** Finds which argument cannot be serialized, for a message that names it. */
  private DataConverterException diagnose(Object[] args, Exception failure) {
    for (int i = 0; i < args.length; i++) {
      try {
        mapper.writeValueAsBytes(args[i]);
      } catch (IOException | RuntimeException e) {
        return new DataConverterException(
            "argument "
                + i
                + " of type "
                + (args[i] == null ? "null" : args[i].getClass().getName())
                + " cannot be serialized to JSON: "
                + e.getMessage(),
            e);
      }
    }
    return new DataConverterException(
        "cannot serialize arguments: " + failure.getMessage(), failure);
  }

  @Override
  public Object[] argumentsFromPayload(Payload payload, Type[] parameterTypes) {
    requireJson(payload);
    Object[] values = new Object[parameterTypes.length];
    try (JsonParser parser = mapper.createParser(payload.data())) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new DataConverterException("arguments must be a JSON array, got " + payload, null);
      }
      int i = 0;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (i >= parameterTypes.length) {
          parser.skipChildren();
          continue;
        }
        JavaType javaType = mapper.getTypeFactory().constructType(parameterTypes[i]);
        try {
          values[i] = t == JsonToken.VALUE_NULL ? null : mapper.readValue(parser, javaType);
        } catch (IOException | RuntimeException e) {
          throw new DataConverterException(
              "argument "
                  + i
                  + " cannot be read as "
                  + parameterTypes[i].getTypeName()
                  + ": "
                  + e.getMessage(),
              e);
        }
        i++;
      }
    } catch (IOException e) {
      throw new DataConverterException("arguments are not valid JSON: " + e.getMessage(), e);
    }
    for (int i = 0; i < parameterTypes.length; i++) {
      if (values[i] == null && parameterTypes[i] instanceof Class<?> c && c.isPrimitive()) {
        values[i] = primitiveDefault(c);
      }
    }
    return values;
  }

  private static Object primitiveDefault(Class<?> type) {
    if (type == boolean.class) {
      return false;
    } else if (type == char.class) {
      return '\0';
    } else if (type == byte.class) {
      return (byte) 0;
    } else if (type == short.class) {
      return (short) 0;
    } else if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    } else if (type == float.class) {
      return 0f;
    }
    return 0d;
  }

  private static void requireJson(Payload payload) {
    if (!Payload.JSON.equals(payload.encoding())) {
      throw new DataConverterException(
          "payload encoding '"
              + payload.encoding()
              + "' is not JSON; is a PayloadCodec missing from this engine?",
          null);
    }
  }
}
