package dev.weft.internal.runtime;

import dev.weft.failure.NonDeterminismException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import java.util.List;

/**
 * The command events one recorded workflow task produced, consumed in order as the replayed code
 * asks for commands. A difference is a {@link NonDeterminismException} naming both sides.
 */
final class ReplayCursor {
  private final String runId;
  private final List<HistoryEvent> expected;
  private final long boundaryEventId;
  private int next;

  ReplayCursor(String runId, long boundaryEventId, List<HistoryEvent> expected) {
    this.runId = runId;
    this.boundaryEventId = boundaryEventId;
    this.expected = expected;
  }

  /** Matches the next recorded command; returns it. */
  HistoryEvent match(EventAttributes asked) {
    // version markers the code no longer asks for (a removed getVersion call) are skipped
    while (next < expected.size()
        && Commands.isVersionMarker(expected.get(next).attributes())
        && !Commands.same(asked, expected.get(next).attributes())) {
      next++;
    }
    if (next >= expected.size()) {
      long eventId =
          expected.isEmpty()
              ? boundaryEventId + 1
              : expected.get(expected.size() - 1).eventId() + 1;
      throw new NonDeterminismException(
          runId,
          eventId,
          Commands.describe(asked),
          "no further command in the workflow task that ended at event " + boundaryEventId);
    }
    HistoryEvent recorded = expected.get(next);
    if (!Commands.same(asked, recorded.attributes())) {
      throw new NonDeterminismException(
          runId,
          recorded.eventId(),
          Commands.describe(asked),
          Commands.describe(recorded.attributes()));
    }
    next++;
    return recorded;
  }

  /**
   * Returns the version marker recorded for {@code changeId} at this point, consuming it (and the
   * version markers before it that the code no longer asks for), or null if the code did not ask
   * for this change ID here when it first ran.
   */
  HistoryEvent matchVersion(String changeId) {
    for (int i = next; i < expected.size(); i++) {
      EventAttributes e = expected.get(i).attributes();
      if (!Commands.isVersionMarker(e)) {
        return null;
      }
      if (((EventAttributes.MarkerRecorded) e).key().equals(changeId)) {
        next = i + 1;
        return expected.get(i);
      }
    }
    return null;
  }

  /**
   * Returns the next recorded command the code has not asked for yet (skipping version markers), or
   * null at the end of the task; consumes nothing.
   */
  HistoryEvent peek() {
    for (int i = next; i < expected.size(); i++) {
      if (!Commands.isVersionMarker(expected.get(i).attributes())) {
        return expected.get(i);
      }
    }
    return null;
  }

  /** Fails if recorded commands were not asked for by the code. */
  void finish() {
    while (next < expected.size() && Commands.isVersionMarker(expected.get(next).attributes())) {
      next++;
    }
    if (next < expected.size()) {
      HistoryEvent recorded = expected.get(next);
      throw new NonDeterminismException(
          runId,
          recorded.eventId(),
          "nothing more (its code is blocked or done)",
          Commands.describe(recorded.attributes()));
    }
  }
}
