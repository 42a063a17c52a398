package dev.weft.cli;

import dev.weft.client.PendingActivity;
import dev.weft.client.PendingTimer;
import dev.weft.client.WorkflowDescription;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link WorkflowDescription} for people: one {@code Label: value} line per field, lists
 * (pending work, search attributes, memo) as indented lines under their label, and multi-line
 * messages (a failure with its stack frames, a non-determinism report) indented under theirs.
 * Fields that are usually empty (the history warning, the failing workflow task) appear only when
 * set.
 */
final class DescriptionFormat {
  private static final int LABEL_WIDTH = 20;

  private DescriptionFormat() {}

  /** Returns the lines describing {@code d}. */
  static List<String> lines(WorkflowDescription d) {
    List<String> lines = new ArrayList<>();
    field(lines, "Workflow ID", d.workflowId());
    field(lines, "Run ID", d.runId());
    field(lines, "Type", d.workflowType());
    field(lines, "Task queue", d.taskQueue());
    field(lines, "Status", d.status().name());
    if (d.pause() != null) {
      field(
          lines,
          "Paused",
          "since "
              + time(d.pause().pausedAt())
              + " by "
              + d.pause().identity()
              + (d.pause().reason() == null || d.pause().reason().isBlank()
                  ? ""
                  : ": " + d.pause().reason()));
    }
    field(lines, "Started", time(d.startTime()));
    field(lines, "Closed", time(d.closeTime()));
    field(lines, "Run deadline", time(d.runDeadline()));
    field(
        lines,
        "History",
        count(d.historyLength(), "event") + ", " + count(d.historyBytes(), "byte"));
    if (d.historyWarning() != null) {
      field(lines, "History warning", d.historyWarning());
    }
    if (d.workflowTaskFailure() != null) {
      field(
          lines,
          "Workflow task",
          "attempt " + d.workflowTaskAttempt() + ", failing: " + d.workflowTaskFailure());
    }
    if (d.workflowTaskStallReason() != null) {
      field(lines, "Workflow task", "stalled: " + d.workflowTaskStallReason());
    }
    if (d.nonDeterminism() != null) {
      field(
          lines,
          "Non-determinism",
          (d.nonDeterminism().eventId() > 0
                  ? "at event " + d.nonDeterminism().eventId()
                  : "past the end of the history")
              + ": the history has "
              + d.nonDeterminism().historyHas()
              + ", the code asked for "
              + d.nonDeterminism().codeAskedFor());
    }
    list(
        lines,
        "Pending activities",
        d.pendingActivities().stream().map(DescriptionFormat::activity).toList());
    list(
        lines, "Pending timers", d.pendingTimers().stream().map(DescriptionFormat::timer).toList());
    list(lines, "Search attributes", entries(d.searchAttributes()));
    list(lines, "Memo", entries(d.memo()));
    return lines;
  }

  private static String activity(PendingActivity a) {
    return "#"
        + a.seq()
        + " "
        + a.activityType()
        + (a.summary() == null ? "" : " (\"" + a.summary() + "\")")
        + " on "
        + a.taskQueue()
        + ", attempt "
        + a.attempt()
        + (a.running() ? ", running" : ", next attempt at " + time(a.nextAttemptAt()))
        + (a.lastFailure() == null ? "" : ", last failure: " + a.lastFailure())
        + (a.stallReason() == null ? "" : ", stalled: " + a.stallReason());
  }

  private static String timer(PendingTimer t) {
    return "#"
        + t.seq()
        + " fires at "
        + time(t.fireAt())
        + (t.summary() == null ? "" : " (\"" + t.summary() + "\")");
  }

  private static List<String> entries(Map<String, Object> values) {
    return values.entrySet().stream().map(e -> e.getKey() + " = " + value(e.getValue())).toList();
  }

  /** A value as people read it: arrays and collections as {@code [a, b]}, never a class name. */
  static String value(Object value) {
    if (value != null && value.getClass().isArray()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(value(Array.get(value, i)));
      }
      return items.toString();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(DescriptionFormat::value).toList().toString();
    }
    return String.valueOf(value);
  }

  private static String count(long n, String unit) {
    return String.format(Locale.ROOT, "%,d %s%s", n, unit, n == 1 ? "" : "s");
  }

  private static String time(Instant time) {
    return time == null ? "-" : time.toString();
  }

  private static void field(List<String> lines, String label, String value) {
    String[] parts = value.split("\\R", -1);
    lines.add(pad(label + ":") + parts[0]);
    for (int i = 1; i < parts.length; i++) {
      // stack frames come indented with a tab; two spaces keep them under the value
      lines.add(pad("") + parts[i].replaceFirst("^\t", "  "));
    }
  }

  private static void list(List<String> lines, String label, List<String> items) {
    if (items.isEmpty()) {
      field(lines, label, "none");
      return;
    }
    lines.add(label + ":");
    for (String item : items) {
      for (String part : item.split("\\R", -1)) {
        lines.add("  " + part);
      }
    }
  }

  private static String pad(String text) {
    return text + " ".repeat(Math.max(1, LABEL_WIDTH - text.length()));
  }
}
