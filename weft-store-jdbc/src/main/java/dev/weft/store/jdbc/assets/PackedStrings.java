package dev.weft.store.jdbc.assets;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs a list of strings into one column and back: each item as {@code <length>:<chars>}, a null
 * item as {@code -}. Versions and details may hold any character and the store has no JSON library;
 * a length prefix needs no escaping.
 */
final class PackedStrings {
  private PackedStrings() {}

  static String pack(List<String> items) {
    StringBuilder out = new StringBuilder();
    for (String item : items) {
      if (item == null) {
        out.append('-');
      } else {
        out.append(item.length()).append(':').append(item);
      }
    }
    return out.toString();
  }

  /**
   * Unpacks what {@link #pack} wrote; null or empty gives an empty list.
   *
   * @throws IllegalStateException if the text was not packed by {@link #pack}
   */
  static List<String> unpack(String packed) {
    List<String> items = new ArrayList<>();
    if (packed == null) {
      return items;
    }
    int at = 0;
    while (at < packed.length()) {
      if (packed.charAt(at) == '-') {
        items.add(null);
        at++;
        continue;
      }
      int colon = packed.indexOf(':', at);
      if (colon < 0) {
        throw new IllegalStateException("a packed list is cut at " + at + ": " + packed);
      }
      int length;
      try {
        length = Integer.parseInt(packed, at, colon, 10);
      } catch (NumberFormatException e) {
        throw new IllegalStateException("a packed list has no length at " + at + ": " + packed, e);
      }
      int end = colon + 1 + length;
      if (length < 0 || end > packed.length()) {
        throw new IllegalStateException("a packed list is cut at " + at + ": " + packed);
      }
      items.add(packed.substring(colon + 1, end));
      at = end;
    }
    return items;
  }
}
