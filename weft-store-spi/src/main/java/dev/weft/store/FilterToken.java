package dev.weft.store;

import java.util.Locale;

/**
 * One token of a list query.
 *
 * @param kind what the token is
 * @param text the token's content: a name, an operator, a string's unescaped content, a number
 * @param position the 1-based character position where it starts in the query
 */
record FilterToken(Kind kind, String text, int position) {

  enum Kind {
    /** A bare word: a field name or a keyword. */
    WORD,
    /** A `backquoted` field name. */
    QUOTED_NAME,
    /** A 'single' or "double" quoted string. */
    STRING,
    NUMBER,
    /** A comparison operator. */
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
  }

  /** Returns whether this is the keyword, ignoring case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  /** Returns the token for messages: {@code token ')'}, {@code end of query}. */
  String describe() {
    return kind == Kind.END ? "end of query" : "token " + quoted();
  }

  /** Returns the token's text quoted for messages: {@code 'abc'}, {@code `my name`}. */
  String quoted() {
    return switch (kind) {
      case QUOTED_NAME -> "`" + text + "`";
      case END -> "end of query";
      default -> "'" + text + "'";
    };
  }

  /** Returns the upper-case text, to compare with keywords. */
  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }
}
