package dev.weft.assets.internal.automation;

import dev.weft.assets.AssetKey;
import dev.weft.assets.automation.AutomationCondition;
import dev.weft.store.Batch;
import dev.weft.store.Store;
import dev.weft.store.assets.automation.AppendCronTick;
import dev.weft.store.assets.automation.AutomationLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cron ticks of the {@code onCron} parts of the conditions: the next tick of each, recorded in
 * the change log ({@link AppendCronTick}, once per asset and tick even if several nodes record it)
 * when the lease holder's clock reaches it; the evaluator sleeps until the earliest. Ticks count
 * from a durable cursor ({@link AutomationLog#cronCursor}: the asset's latest recorded tick, else
 * its registration), read whenever this node takes the lease: a tick that passed while no node
 * evaluated fires once when one does (several missed ticks of one asset are one tick, the latest).
 */
final class CronTicks {
  private final String namespace;
  private final Store store;
  private final Clock clock;
  private final List<Entry> entries = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();

  private static final class Entry {
    final AssetKey key;
    final AutomationCondition.OnCron cron;
    Instant next;

    Entry(AssetKey key, AutomationCondition.OnCron cron, Instant next) {
      this.key = key;
      this.cron = cron;
      this.next = next;
    }
  }

  CronTicks(
      String namespace, Store store, Map<AssetKey, AutomationCondition> conditions, Clock clock) {
    this.namespace = namespace;
    this.store = store;
    this.clock = clock;
    Instant now = clock.instant();
    for (Map.Entry<AssetKey, AutomationCondition> e : conditions.entrySet()) {
      for (AutomationCondition.OnCron cron : crons(e.getValue(), new ArrayList<>())) {
        entries.add(new Entry(e.getKey(), cron, cron.nextTick(now).orElse(null)));
      }
    }
  }

  /** The earliest next tick; null if none. */
  Instant nextTick() {
    lock.lock();
    try {
      Instant earliest = null;
      for (Entry e : entries) {
        if (e.next != null && (earliest == null || e.next.isBefore(earliest))) {
          earliest = e.next;
        }
      }
      return earliest;

    } finally {
      lock.unlock();
    }
  }

  /** Records every tick that is due at {@code now} and moves each to its next one. */
  void recordDue(Instant now) {
    lock.lock();
    try {
      for (Entry e : entries) {
        if (e.next != null && !e.next.isAfter(now)) {
          Instant tick = e.cron.lastTick(now).orElse(e.next);
          // a conflict means the tick is recorded already (by another node or an earlier try)
          store.commit(Batch.of(new AppendCronTick(namespace, e.key.path(), tick))).join();
          e.next = e.cron.nextTick(now).orElse(null);
        }
      }

    } finally {
      lock.unlock();
    }
  }

  /**
   * After taking the lease: each entry's next tick is the first after its asset's durable cursor
   * (the first after {@code now} for an asset the log knows nothing of), so ticks missed while no
   * node held the lease are due at once.
   */
  void resume(Instant now) {
    lock.lock();
    try {
      AutomationLog log = store.extension(AutomationLog.class);
      for (Entry e : entries) {
        Instant from = log.cronCursor(namespace, e.key.path()).orElse(now);
        e.next = e.cron.nextTick(from).orElse(null);
      }

    } finally {
      lock.unlock();
    }
  }

  /** After losing the lease: ticks from now on count (another node records the ones meanwhile). */
  void forget() {
    lock.lock();
    try {
      Instant now = clock.instant();
      for (Entry e : entries) {
        e.next = e.cron.nextTick(now).orElse(null);
      }

    } finally {
      lock.unlock();
    }
  }

  private static List<AutomationCondition.OnCron> crons(
      AutomationCondition c, List<AutomationCondition.OnCron> into) {
    switch (c) {
      case AutomationCondition.OnCron cron -> into.add(cron);
      case AutomationCondition.And and -> and.parts().forEach(p -> crons(p, into));
      case AutomationCondition.Or or -> or.parts().forEach(p -> crons(p, into));
      case AutomationCondition.Not not -> crons(not.part(), into);
      default -> {}
    }
    return into;
  }
}
