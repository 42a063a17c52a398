package dev.weft.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * A KEYWORD_LIST value as the store keeps it in {@code search_attributes.text_value}: a JSON array
 * of strings, order and duplicates kept (only this class writes and reads it).
 */
final class KeywordListText {
  private KeywordListText() {}

  static String encode(List<String> keywords) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < keywords.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append('"');
      String keyword = keywords.get(i);
      for (int j = 0; j < keyword.length(); j++) {
        char c = keyword.charAt(j);
        if (c == '"' || c == '\\') {
          json.append('\\').append(c);
        } else if (c < 0x20) {
          json.append(String.format("\\u%04x", (int) c));
        } else {
          json.append(c);
        }
      }
      json.append('"');
    }
    return json.append(']').toString();
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws IllegalStateException if the text is not such an array
   */
  static List<String> decode(String json) {
    List<String> keywords = new ArrayList<>();
    int i = expect(json, 0, '[');
    if (json.charAt(i) == ']') {
      return List.copyOf(keywords);
    }
    while (true) {
      i = expect(json, i, '"');
      StringBuilder keyword = new StringBuilder();
      while (json.charAt(i) != '"') {
        char c = json.charAt(i++);
        if (c == '\\') {
          char escaped = json.charAt(i++);
          if (escaped == 'u') {
            keyword.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
            i += 4;
          } else {
            keyword.append(escaped);
          }
        } else {
          keyword.append(c);
        }
      }
      keywords.add(keyword.toString());
      i++;
      if (json.charAt(i) == ']') {
        return List.copyOf(keywords);
      }
      i = expect(json, i, ',');
    }
  }

  private static int expect(String json, int i, char c) {
    if (i >= json.length() || json.charAt(i) != c) {
      throw new IllegalStateException("malformed stored keyword list: " + json);
    }
    return i + 1;
  }
}
