package dev.weft.internal.runtime;

import dev.weft.engine.HistoryLimits;
import dev.weft.history.EventAttributes.MarkerRecorded;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.codec.PayloadConverter;
import java.util.function.LongSupplier;

/**
 * The size of the run's history as the code sees it in a workflow task ({@code
 * WorkflowInfo.getHistoryLength()}, {@code getHistorySize()}, {@code isContinueAsNewSuggested()}).
 * The first time live code asks in a task, the values are measured and recorded in a marker, so
 * replay returns what the code saw then (whatever the history limits are on the replaying node). A
 * replayed task that asks where its recorded commands have no such marker (code that did not ask
 * when it first ran) gets zeros and {@code false}, and records nothing.
 */
final class HistoryInfo {
  /** The marker's name. */
  static final String MARKER = "HistoryInfo";

  /** The values the code sees in one task. */
  record Snapshot(long length, long size, boolean continueAsNewSuggested) {
    static final Snapshot UNRECORDED = new Snapshot(0, 0, false);
  }

  private final CurrentTask task;
  private final PayloadConverter payloads;
  private final HistoryLimits limits;
  private final LongSupplier events;
  private final LongSupplier bytes;
  private long measuredInTask;
  private Snapshot current;

  /**
   * @param events the number of events in the run's history when the current task began
   * @param bytes their size in bytes
   */
  HistoryInfo(
      CurrentTask task,
      PayloadConverter payloads,
      HistoryLimits limits,
      LongSupplier events,
      LongSupplier bytes) {
    this.task = task;
    this.payloads = payloads;
    this.limits = limits;
    this.events = events;
    this.bytes = bytes;
  }

  /** Returns the values of the current task, measuring and recording them on first use. */
  Snapshot current() {
    if (current != null && measuredInTask == task.number()) {
      return current;
    }
    measuredInTask = task.number();
    current = task.isReplaying() ? replayed() : measured();
    return current;
  }

  private Snapshot measured() {
    long length = events.getAsLong();
    long size = bytes.getAsLong();
    Snapshot snapshot = new Snapshot(length, size, limits.suggestsContinueAsNew(length, size));
    long[] value = {length, size, snapshot.continueAsNewSuggested() ? 1 : 0};
    task.command(
        new MarkerRecorded(task.nextSeq(), MARKER, "", payloads.encode(value, "history info")));
    return snapshot;
  }

  private Snapshot replayed() {
    HistoryEvent next = task.replay().peek();
    if (next == null || !(next.attributes() instanceof MarkerRecorded m) || !isMarker(m)) {
      return Snapshot.UNRECORDED;
    }
    HistoryEvent recorded = task.command(new MarkerRecorded(task.nextSeq(), MARKER, "", null));
    long[] value =
        (long[]) payloads.decode(((MarkerRecorded) recorded.attributes()).value(), long[].class);
    return new Snapshot(value[0], value[1], value[2] != 0);
  }

  private static boolean isMarker(MarkerRecorded m) {
    return MARKER.equals(m.name());
  }
}
