package dev.weft.internal.remote;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts back from the messages of weft-core's exceptions, which a Weft server sends as a
 * problem's {@code detail}: the problem document has no members for them (a run's status, the known
 * signal names, a payload's size and limit), so the exception rebuilt from the parts has the
 * embedded client's message and getters. {@code EngineMessagesTest} pins each format against the
 * exception that writes it.
 */
final class EngineMessages {
  static final Pattern NOT_RUNNING =
      Pattern.compile(
          "cannot (?<operation>.*): workflow '(?<workflowId>.*)' \\(run (?<runId>.*)\\) is"
              + " (?<status>[A-Z_]+), not RUNNING",
          Pattern.DOTALL);
  static final Pattern UNKNOWN_HANDLER =
      Pattern.compile(
          "workflow type '(?<workflowType>.*)' has no (?:signal|query|update) '(?<name>.*)'; its"
              + " (?:signals|queries|updates): \\[(?<known>.*)\\]",
          Pattern.DOTALL);
  static final Pattern UNKNOWN_TYPE =
      Pattern.compile(
          "workflow type '(?<workflowType>.*)' is not registered on task queue '(?<taskQueue>.*)';"
              + " registered: \\[(?<known>.*)\\]",
          Pattern.DOTALL);
  static final Pattern TOO_LARGE =
      Pattern.compile(
          "(?<what>.*) is (?<size>\\d+) bytes once serialized, over the payload limit of"
              + " (?<limit>\\d+) bytes",
          Pattern.DOTALL);
  static final Pattern INVALID_QUERY =
      Pattern.compile("invalid list query \"(?<query>.*)\": (?<problem>.*)", Pattern.DOTALL);
  static final Pattern ACTIVITY_NOT_FOUND =
      Pattern.compile(
          "no activity attempt is waiting for task token (?<taskToken>.*?): (?<why>.*)",
          Pattern.DOTALL);
  static final Pattern UNKNOWN_TASK_QUEUE =
      Pattern.compile(
          "unknown task queue '(?<taskQueue>.*)': no worker has registered it; known queues:"
              + " \\[(?<known>.*)\\]",
          Pattern.DOTALL);
  static final Pattern POSITION = Pattern.compile("at position (\\d+)");
  static final Pattern ALREADY_STARTED =
      Pattern.compile(
          "workflow ID '(?<workflowId>.*)' is already in use: (?<detail>.*)", Pattern.DOTALL);

  private EngineMessages() {}

  /** The match of {@code pattern} over the whole detail, or {@code null}. */
  static Matcher match(Pattern pattern, String detail) {
    Matcher m = pattern.matcher(detail);
    return m.matches() ? m : null;
  }

  /** A list as {@code TreeSet.toString} wrote it, without its brackets. */
  static List<String> names(String list) {
    return list.isEmpty() ? List.of() : Arrays.asList(list.split(", "));
  }
}
