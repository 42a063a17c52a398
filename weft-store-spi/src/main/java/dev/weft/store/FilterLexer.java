package dev.weft.store;

import dev.weft.store.FilterToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list query into tokens. Strings are 'single' or "double" quoted; inside them a backslash
 * escapes the next character and a doubled quote stands for itself. Names in backquotes may hold
 * any character but a backquote.
 */
final class FilterLexer {
  private final String query;
  private int at;

  private FilterLexer(String query) {
    this.query = query;
  }

  /** Returns the tokens of a query, ending with an {@link Kind#END} token. */
  static List<FilterToken> tokens(String query) {
    return new FilterLexer(query).all();
  }

  private List<FilterToken> all() {
    List<FilterToken> tokens = new ArrayList<>();
    while (true) {
      while (at < query.length() && Character.isWhitespace(query.charAt(at))) {
        at++;
      }
      if (at >= query.length()) {
        tokens.add(new FilterToken(Kind.END, "", query.length() + 1));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private FilterToken next() {
    int start = at;
    char c = query.charAt(at);
    if (c == '(' || c == ')' || c == ',') {
      at++;
      Kind kind = c == '(' ? Kind.LEFT_PAREN : c == ')' ? Kind.RIGHT_PAREN : Kind.COMMA;
      return new FilterToken(kind, String.valueOf(c), start + 1);
    }
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (c == '`') {
      int end = query.indexOf('`', at + 1);
      if (end < 0) {
        throw new FilterSyntaxException(
            "unterminated `name` starting at position " + (start + 1), start + 1);
      }
      at = end + 1;
      return new FilterToken(Kind.QUOTED_NAME, query.substring(start + 1, end), start + 1);
    }
    if (c == '=' || c == '!' || c == '<' || c == '>') {
      return operator();
    }
    if (isDigitAt(at) || (c == '-' && isDigitAt(at + 1))) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      while (at < query.length()
          && (Character.isLetterOrDigit(query.charAt(at)) || query.charAt(at) == '_')) {
        at++;
      }
      return new FilterToken(Kind.WORD, query.substring(start, at), start + 1);
    }
    throw new FilterSyntaxException(
        "unexpected character '" + c + "' at position " + (start + 1), start + 1);
  }

  private FilterToken string(char quote) {
    int start = at;
    StringBuilder text = new StringBuilder();
    at++;
    while (at < query.length()) {
      char c = query.charAt(at++);
      if (c == '\\' && at < query.length()) {
        text.append(query.charAt(at++));
      } else if (c == quote) {
        if (at < query.length() && query.charAt(at) == quote) {
          text.append(quote);
          at++;
        } else {
          return new FilterToken(Kind.STRING, text.toString(), start + 1);
        }
      } else {
        text.append(c);
      }
    }
    throw new FilterSyntaxException(
        "unterminated string starting at position " + (start + 1), start + 1);
  }

  private FilterToken operator() {
    int start = at;
    char c = query.charAt(at++);
    char next = at < query.length() ? query.charAt(at) : 0;
    String op;
    if (next == '=' && c != '=') {
      op = c + "=";
    } else if (c == '<' && next == '>') {
      op = "<>";
    } else if (c == '!') {
      throw new FilterSyntaxException(
          "unexpected character '!' at position " + (start + 1) + ": expected !=", start + 1);
    } else {
      op = String.valueOf(c);
    }
    at = start + op.length();
    return new FilterToken(Kind.OPERATOR, op, start + 1);
  }

  private FilterToken number() {
    int start = at;
    if (query.charAt(at) == '-') {
      at++;
    }
    skipDigits();
    if (at < query.length() && query.charAt(at) == '.' && isDigitAt(at + 1)) {
      at++;
      skipDigits();
    }
    if (at < query.length() && (query.charAt(at) == 'e' || query.charAt(at) == 'E')) {
      int mark = at++;
      if (at < query.length() && (query.charAt(at) == '+' || query.charAt(at) == '-')) {
        at++;
      }
      if (isDigitAt(at)) {
        skipDigits();
      } else {
        at = mark;
      }
    }
    if (at < query.length()
        && (Character.isLetterOrDigit(query.charAt(at)) || query.charAt(at) == '_')) {
      while (at < query.length()
          && (Character.isLetterOrDigit(query.charAt(at)) || query.charAt(at) == '_')) {
        at++;
      }
      throw new FilterSyntaxException(
          "malformed number '"
              + query.substring(start, at)
              + "' at position "
              + (start + 1)
              + " (quote strings)",
          start + 1);
    }
    return new FilterToken(Kind.NUMBER, query.substring(start, at), start + 1);
  }

  private void skipDigits() {
    while (isDigitAt(at)) {
      at++;
    }
  }

  private boolean isDigitAt(int index) {
    return index < query.length() && query.charAt(index) >= '0' && query.charAt(index) <= '9';
  }
}
