package dev.weft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * JSON on the command line: {@code --input} values in, results and {@code --output json} out. An
 * argument is any JSON value ({@code '"dave"'}, {@code 42}, {@code '{"id":7}'}); the workflow reads
 * it as its parameter's type.
 */
final class JsonValues {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .build();

  private JsonValues() {}

  /**
   * Parses each {@code --input} as a JSON value.
   *
   * @throws IllegalArgumentException naming the input and where it is not JSON (exit code 2)
   */
  static Object[] parse(String option, List<String> inputs) {
    Object[] args = new Object[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      args[i] = parseOne(option, inputs.get(i));
    }
    return args;
  }

  static JsonNode parseOne(String option, String input) {
    try {
      return MAPPER.readTree(input);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          option
              + " '"
              + input
              + "' is not a JSON value ("
              + e.getOriginalMessage()
              + "); quote strings: "
              + option
              + " '\"text\"'");
    }
  }

  /** {@code value} as one line of JSON. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the value as JSON: " + e.getMessage(), e);
    }
  }
}
