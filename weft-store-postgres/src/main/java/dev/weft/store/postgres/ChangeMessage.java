package dev.weft.store.postgres;

import dev.weft.store.StoreListener;
import dev.weft.store.TaskKind;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction's writes mean for other nodes' waiting workers, as the text of {@code
 * NOTIFY} payloads: collected from the store's notifications (merged: the earliest time per queue,
 * the earliest due time), and read back on the receiving side.
 *
 * <p>Format: the sender's ID on the first line, then one line per notification: {@code W <queue>
 * <millis>} and {@code A <queue> <millis>} (workflow or activity tasks ready), {@code D <millis>}
 * (something due), {@code C <runId>} (a run closed), {@code F} (flow-control settings changed);
 * fields separated by a space, queue names and run IDs URL-encoded. A message longer than a payload
 * may be is split into several.
 */
final class ChangeMessage implements StoreListener {
  /** PostgreSQL's payload limit is 8000 bytes; the lines are ASCII. */
  static final int MAX_PAYLOAD = 7_900;

  private final Map<String, Long> ready = new LinkedHashMap<>();
  private long due = Long.MAX_VALUE;
  private final Set<String> closed = new LinkedHashSet<>();
  private boolean flowControl;

  @Override
  public void tasksReady(TaskKind kind, String taskQueue, Instant visibleAt) {
    String key = (kind == TaskKind.WORKFLOW ? "W " : "A ") + encode(taskQueue);
    ready.merge(key, visibleAt.toEpochMilli(), Math::min);
  }

  @Override
  public void dueAt(Instant time) {
    due = Math.min(due, time.toEpochMilli());
  }

  @Override
  public void runClosed(String runId) {
    closed.add(encode(runId));
  }

  @Override
  public void flowControlChanged() {
    flowControl = true;
  }

  boolean isEmpty() {
    return ready.isEmpty() && due == Long.MAX_VALUE && closed.isEmpty() && !flowControl;
  }

  /** Returns the payloads that carry this message, each within {@link #MAX_PAYLOAD}. */
  List<String> payloads(String nodeId) {
    String sender = encode(nodeId);
    List<String> lines = new ArrayList<>();
    ready.forEach((key, millis) -> lines.add(key + " " + millis));
    if (due != Long.MAX_VALUE) {
      lines.add("D " + due);
    }
    closed.forEach(run -> lines.add("C " + run));
    if (flowControl) {
      lines.add("F");
    }
    List<String> payloads = new ArrayList<>();
    StringBuilder current = new StringBuilder(sender);
    for (String line : lines) {
      if (current.length() + 1 + line.length() > MAX_PAYLOAD
          && current.length() > sender.length()) {
        payloads.add(current.toString());
        current = new StringBuilder(sender);
      }
      current.append('\n').append(line);
    }
    if (current.length() > sender.length()) {
      payloads.add(current.toString());
    }
    return payloads;
  }

  /** Returns the node ID of a payload's sender. */
  static String sender(String payload) {
    int end = payload.indexOf('\n');
    return decode(end < 0 ? payload : payload.substring(0, end));
  }

  /** Replays a payload's notifications to a listener; lines it does not know are skipped. */
  static void replay(String payload, StoreListener target) {
    String[] lines = payload.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(" ");
      try {
        switch (f[0]) {
          case "W" ->
              target.tasksReady(
                  TaskKind.WORKFLOW, decode(f[1]), Instant.ofEpochMilli(Long.parseLong(f[2])));
          case "A" ->
              target.tasksReady(
                  TaskKind.ACTIVITY, decode(f[1]), Instant.ofEpochMilli(Long.parseLong(f[2])));
          case "D" -> target.dueAt(Instant.ofEpochMilli(Long.parseLong(f[1])));
          case "C" -> target.runClosed(decode(f[1]));
          case "F" -> target.flowControlChanged();
          default -> {
            // a newer node's notification: a hint this one can do without
          }
        }
      } catch (RuntimeException e) {
        // a malformed line is a lost hint, never a failure: the safety poll covers it
      }
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
