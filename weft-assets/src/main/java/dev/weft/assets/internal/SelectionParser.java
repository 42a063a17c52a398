package dev.weft.assets.internal;

import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetSelectionSyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Parses the selection syntax; errors name the token and its 1-based position. */
public final class SelectionParser {
  private static final String EXPECTED_TERM =
      "expected an asset key, '+key', 'key+', '*', group:NAME or tag:NAME=VALUE";

  private final String text;
  private int pos;

  /** Parses {@code text}. */
  public SelectionParser(String text) {
    this.text = text == null ? "" : text;
  }

  /** Returns the terms, at least one. */
  public List<SelectionTerm> parse() {
    List<SelectionTerm> terms = new ArrayList<>();
    skipSeparators(false);
    if (pos >= text.length()) {
      throw new AssetSelectionSyntaxException(
          "empty selection: " + EXPECTED_TERM, Math.max(1, pos + 1));
    }
    while (pos < text.length()) {
      terms.add(term());
      if (pos < text.length()) {
        int before = pos;
        skipSeparators(true);
        if (pos == before) {
          throw unexpected("expected ',' or a space between terms");
        }
      }
    }
    return terms;
  }

  private void skipSeparators(boolean afterTerm) {
    boolean comma = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',') {
        if (comma || !afterTerm) {
          throw unexpected(EXPECTED_TERM);
        }
        comma = true;
      } else if (!Character.isWhitespace(c)) {
        break;
      }
      pos++;
    }
    if (comma && pos >= text.length()) {
      throw new AssetSelectionSyntaxException(
          "selection ends after ',': " + EXPECTED_TERM, text.length());
    }
  }

  private SelectionTerm term() {
    if (text.charAt(pos) == '*') {
      pos++;
      return new SelectionTerm.All();
    }
    if (text.startsWith("group:", pos)) {
      pos += "group:".length();
      return new SelectionTerm.Group(name("a group name"));
    }
    if (text.startsWith("tag:", pos)) {
      pos += "tag:".length();
      String name = name("a tag name");
      String value = null;
      if (pos < text.length() && text.charAt(pos) == '=') {
        pos++;
        int start = pos;
        while (pos < text.length() && isValueChar(text.charAt(pos))) {
          pos++;
        }
        if (start == pos) {
          throw unexpected("expected a tag value after '='");
        }
        value = text.substring(start, pos);
      }
      return new SelectionTerm.Tag(name, value);
    }
    boolean upstream = false;
    if (text.charAt(pos) == '+') {
      upstream = true;
      pos++;
    }
    int start = pos;
    while (pos < text.length() && isKeyChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw unexpected(EXPECTED_TERM);
    }
    String path = text.substring(start, pos);
    AssetKey key;
    try {
      key = AssetKey.of(path);
    } catch (IllegalArgumentException e) {
      throw new AssetSelectionSyntaxException(
          "bad asset key '" + path + "' at position " + (start + 1) + ": " + e.getMessage(),
          start + 1);
    }
    boolean downstream = false;
    if (pos < text.length() && text.charAt(pos) == '+') {
      downstream = true;
      pos++;
    }
    return new SelectionTerm.Key(key, upstream, downstream);
  }

  private String name(String what) {
    int start = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw unexpected("expected " + what);
    }
    return text.substring(start, pos);
  }

  private AssetSelectionSyntaxException unexpected(String expected) {
    if (pos >= text.length()) {
      return new AssetSelectionSyntaxException(
          "selection ends at position " + (text.length() + 1) + ": " + expected, text.length() + 1);
    }
    return new AssetSelectionSyntaxException(
        "unexpected '" + text.charAt(pos) + "' at position " + (pos + 1) + ": " + expected,
        pos + 1);
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  private static boolean isKeyChar(char c) {
    return isNameChar(c) || c == '/';
  }

  private static boolean isValueChar(char c) {
    return !Character.isWhitespace(c) && c != ',';
  }
}
