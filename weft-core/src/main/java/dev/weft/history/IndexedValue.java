package dev.weft.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.common.SearchAttributeType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * A search attribute value as history records it: its type and its canonical text (a decimal
 * number, {@code true}/{@code false}, an ISO-8601 instant, a JSON array of strings for a keyword
 * list), so that exported histories read well and decode to the same value.
 *
 * @param type the attribute's type
 * @param value the value as text
 */
public record IndexedValue(SearchAttributeType type, String value) {

  /** Validates the record. */
  public IndexedValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> KEYWORDS = new TypeReference<>() {};

  /**
   * Returns a KEYWORD_LIST value: the keywords as a JSON array, order and duplicates kept.
   *
   * @throws IllegalArgumentException if the list is empty or holds null
   */
  public static IndexedValue ofKeywordList(List<String> keywords) {
    if (keywords.isEmpty() || keywords.contains(null)) {
      throw new IllegalArgumentException(
          "a KEYWORD_LIST value must be a non-empty list of strings, was " + keywords);
    }
    try {
      return new IndexedValue(SearchAttributeType.KEYWORD_LIST, JSON.writeValueAsString(keywords));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode keyword list " + keywords, e);
    }
  }

  /**
   * Returns the value as Java: a String (KEYWORD, TEXT), Long (INT), Double (DOUBLE), Boolean
   * (BOOL), Instant (DATETIME) or an unmodifiable {@code List<String>} (KEYWORD_LIST).
   *
   * @throws IllegalArgumentException if the text is not a value of the type
   */
  public Object javaValue() {
    try {
      return switch (type) {
        case KEYWORD, TEXT -> value;
        case INT -> Long.parseLong(value);
        case DOUBLE -> Double.parseDouble(value);
        case BOOL -> Boolean.parseBoolean(value);
        case DATETIME -> Instant.parse(value);
        case KEYWORD_LIST -> List.copyOf(JSON.readValue(value, KEYWORDS));
      };
    } catch (NumberFormatException | DateTimeParseException | JsonProcessingException e) {
      throw new IllegalArgumentException(
          "recorded " + type + " search attribute value '" + value + "' is malformed", e);
    }
  }
}
