package dev.weft.internal.client;

import dev.weft.history.EventAttributes;
import dev.weft.internal.codec.EventCodec;
import dev.weft.store.EventRecord;
import dev.weft.store.Store;
import java.util.HashMap;
import java.util.Map;

/**
 * The user-facing summaries of a run's activities and timers, by sequence number, read from its
 * history for describe (only the scheduling events are decoded).
 */
final class PendingSummaries {
  private PendingSummaries() {}

  /** The summaries of one run's activity and timer commands that have one. */
  record Summaries(Map<Long, String> activities, Map<Long, String> timers) {
    static final Summaries NONE = new Summaries(Map.of(), Map.of());
  }

  static Summaries read(Store store, EventCodec codec, String runId) {
    Map<Long, String> activities = new HashMap<>();
    Map<Long, String> timers = new HashMap<>();
    for (EventRecord r : store.readHistory(runId, 1)) {
      if (!"ActivityScheduled".equals(r.type()) && !"TimerStarted".equals(r.type())) {
        continue;
      }
      switch (codec.decode(r.data())) {
        case EventAttributes.ActivityScheduled a when a.summary() != null ->
            activities.put(a.seq(), a.summary());
        case EventAttributes.TimerStarted t when t.summary() != null ->
            timers.put(t.seq(), t.summary());
        default -> {}
      }
    }
    return new Summaries(activities, timers);
  }
}
