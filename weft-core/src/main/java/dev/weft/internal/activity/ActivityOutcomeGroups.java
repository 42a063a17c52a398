package dev.weft.internal.activity;

import dev.weft.history.EventAttributes;
import dev.weft.internal.activity.ActivityOutcomes.Final;
import dev.weft.internal.engine.StoreOutages;
import dev.weft.internal.step.EagerWorkflowTasks;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The final outcomes of several activities of one run, recorded together: their events, in the
 * given order, with the one workflow task that applies them all ({@link EagerWorkflowTasks}), or
 * else all in one inbox batch, so that the run needs one workflow task for them, not one each.
 *
 * <p>Each outcome stays fenced by its own lease: the store names the release whose lease no longer
 * holds, that outcome is left out (not written) and the others are offered again. When neither path
 * takes the group whole, each outcome is recorded on its own ({@link ActivityOutcomes#tryRecord}),
 * as if it had come alone.
 */
public final class ActivityOutcomeGroups {
  private final Store store;
  private final EagerWorkflowTasks eager;
  private final ActivityOutcomes outcomes;

  public ActivityOutcomeGroups(Store store, EagerWorkflowTasks eager, ActivityOutcomes outcomes) {
    this.store = store;
    this.eager = eager;
    this.outcomes = outcomes;
  }

  /**
   * Records {@code group}, final outcomes of one run without added writes, and returns which of
   * them were written: false for one whose attempt no longer holds its task (it timed out, was
   * cancelled, its run closed, or an earlier outcome of the group is for the same activity).
   */
  public boolean[] tryRecord(List<Final> group, Instant now) {
    boolean[] written = new boolean[group.size()];
    List<Integer> live = new ArrayList<>(group.size());
    Set<Long> seqs = new HashSet<>();
    for (int i = 0; i < group.size(); i++) {
      // a second outcome of one activity would conflict on its release anyway
      if (seqs.add(seqOf(group.get(i)))) {
        live.add(i);
      }
    }
    boolean eagerly = true;
    while (live.size() > 1) {
      CommitResult result = eagerly ? eagerly(group, live, now) : throughInbox(group, live);
      if (result != null && result.committed()) {
        live.forEach(i -> written[i] = true);
        return written;
      }
      Integer stale = result instanceof CommitResult.Conflict c ? releasedBy(group, live, c) : null;
      if (stale != null) {
        live.remove(stale);
      } else if (eagerly) {
        // the eager path did not apply, or the run moved on elsewhere: the inbox takes the group
        eagerly = false;
      } else {
        // the store is away or refused another write: each outcome on its own, with its retries
        break;
      }
    }
    for (int i : live) {
      written[i] = outcomes.tryRecord(group.get(i), now);
    }
    return written;
  }

  /** The group with one workflow task, or null when the eager path did not apply. */
  private CommitResult eagerly(List<Final> group, List<Integer> live, Instant now) {
    List<EventAttributes> events = new ArrayList<>(live.size());
    List<Write> writes = new ArrayList<>(live.size());
    for (int i : live) {
      events.add(group.get(i).event());
      writes.add(group.get(i).release());
    }
    try {
      return eager.advance(group.get(live.get(0)).runId(), events, now, writes);
    } catch (RuntimeException e) {
      if (StoreOutages.isOutage(e)) {
        return null;
      }
      throw e;
    }
  }

  /** The group's inbox batches as one, or null when the store is away. */
  private CommitResult throughInbox(List<Final> group, List<Integer> live) {
    Batch.Builder batch = Batch.builder();
    for (int i : live) {
      batch.addAll(group.get(i).batch().writes());
    }
    try {
      return store.commit(batch.build()).join();
    } catch (RuntimeException e) {
      if (StoreOutages.isOutage(e)) {
        return null;
      }
      throw e;
    }
  }

  /** The position of the outcome whose release the conflict names, or null if none. */
  private static Integer releasedBy(
      List<Final> group, List<Integer> live, CommitResult.Conflict conflict) {
    for (Integer i : live) {
      if (group.get(i).release() == conflict.write()) {
        return i;
      }
    }
    return null;
  }

  private static long seqOf(Final outcome) {
    return ((EventAttributes.Sequenced) outcome.event()).seq();
  }
}
