package dev.weft.assets.automation;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text form of a condition ({@link AutomationCondition#toString()}): {@code |} binds
 * looser than {@code &}, {@code !} tightest, parentheses group; arguments are single-quoted.
 */
final class ConditionParser {
  private final String text;
  private int pos;

  private ConditionParser(String text) {
    this.text = text;
  }

  static AutomationCondition parse(String text) {
    ConditionParser p = new ConditionParser(text);
    AutomationCondition c = p.or();
    p.skipSpaces();
    if (p.pos != text.length()) {
      throw p.error("expected '&', '|' or the end");
    }
    return c;
  }

  private AutomationCondition or() {
    AutomationCondition c = and();
    while (take('|')) {
      c = c.or(and());
    }
    return c;
  }

  private AutomationCondition and() {
    AutomationCondition c = unary();
    while (take('&')) {
      c = c.and(unary());
    }
    return c;
  }

  private AutomationCondition unary() {
    if (take('!')) {
      return AutomationCondition.not(unary());
    }
    if (take('(')) {
      AutomationCondition c = or();
      expect(')');
      return c;
    }
    skipSpaces();
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (name.isEmpty()) {
      throw error("expected a condition such as eager(), '!' or '('");
    }
    expect('(');
    List<String> args = new ArrayList<>();
    skipSpaces();
    while (pos < text.length() && text.charAt(pos) == '\'') {
      int end = text.indexOf('\'', pos + 1);
      if (end < 0) {
        throw error("unclosed quote");
      }
      args.add(text.substring(pos + 1, end));
      pos = end + 1;
      if (!take(',')) {
        break;
      }
      skipSpaces();
    }
    int at = start;
    expect(')');
    return build(name, args, at);
  }

  private AutomationCondition build(String name, List<String> args, int at) {
    String[] a = args.toArray(String[]::new);
    switch (name) {
      case "eager", "missing", "codeVersionChanged", "freshnessViolated" -> {
        if (!args.isEmpty()) {
          throw new IllegalArgumentException(
              "automation condition '"
                  + text
                  + "' at position "
                  + at
                  + ": "
                  + name
                  + "() takes no arguments");
        }
        return switch (name) {
          case "eager" -> AutomationCondition.eager();
          case "missing" -> AutomationCondition.missing();
          case "codeVersionChanged" -> AutomationCondition.codeVersionChanged();
          default -> AutomationCondition.freshnessViolated();
        };
      }
      case "onCron" -> {
        if (args.size() != 1) {
          throw new IllegalArgumentException(
              "automation condition '"
                  + text
                  + "' at position "
                  + at
                  + ": onCron takes one quoted expression");
        }
        return AutomationCondition.onCron(args.get(0));
      }
      case "anyUpstreamUpdated" -> {
        return args.isEmpty()
            ? AutomationCondition.anyUpstreamUpdated()
            : AutomationCondition.anyUpstreamUpdated(a);
      }
      case "allUpstreamsUpdated" -> {
        return args.isEmpty()
            ? AutomationCondition.allUpstreamsUpdated()
            : AutomationCondition.allUpstreamsUpdated(a);
      }
      default ->
          throw new IllegalArgumentException(
              "automation condition '"
                  + text
                  + "' at position "
                  + at
                  + ": unknown condition '"
                  + name
                  + "' (known: eager, onCron, missing, codeVersionChanged,"
                  + " freshnessViolated, anyUpstreamUpdated, allUpstreamsUpdated)");
    }
  }

  private boolean take(char c) {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!take(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "automation condition '" + text + "' at position " + pos + ": " + what);
  }
}
