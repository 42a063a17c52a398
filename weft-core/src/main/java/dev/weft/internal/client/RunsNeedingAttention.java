package dev.weft.internal.client;

import dev.weft.client.AttentionKind;
import dev.weft.client.AttentionPage;
import dev.weft.client.AttentionReason;
import dev.weft.client.RunNeedingAttention;
import dev.weft.engine.WeftClock;
import dev.weft.history.Failure;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.engine.StallWatch;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.AttentionQuery;
import dev.weft.store.AttentionRun;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import dev.weft.store.WorkflowTaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The running runs that need attention: one store read ({@link Store#listRunsNeedingAttention}) of
 * the runs whose workflow task failed, whose activities retry, or whose tasks have waited unclaimed
 * longer than the stall limit; the last are kept only if {@link StallWatch} calls them stalled (a
 * task of a queue this node serves is a backlog, not a stall), as describe does.
 */
final class RunsNeedingAttention {
  private final String namespace;
  private final Store store;
  private final EventCodec codec;
  private final WeftClock clock;
  private final StallWatch stalls;

  RunsNeedingAttention(
      String namespace, Store store, EventCodec codec, WeftClock clock, StallWatch stalls) {
    this.namespace = namespace;
    this.store = store;
    this.codec = codec;
    this.clock = clock;
    this.stalls = stalls;
  }

  AttentionPage list(int pageSize, String pageToken) {
    Instant now = clock.now();
    dev.weft.store.AttentionPage page =
        store.listRunsNeedingAttention(
            new AttentionQuery(
                namespace, now.minus(stalls.stallAfter()), pageSize, emptyToNull(pageToken)));
    List<RunNeedingAttention> runs = new ArrayList<>(page.runs().size());
    for (AttentionRun found : page.runs()) {
      List<AttentionReason> reasons = reasons(found, now);
      if (!reasons.isEmpty()) {
        runs.add(
            new RunNeedingAttention(
                found.run().workflowId(),
                found.run().runId(),
                found.run().workflowType(),
                found.run().taskQueue(),
                found.run().startTime(),
                reasons));
      }
    }
    return new AttentionPage(runs, page.nextPageToken());
  }

  private List<AttentionReason> reasons(AttentionRun found, Instant now) {
    List<AttentionReason> reasons = new ArrayList<>();
    WorkflowTaskRecord task = found.workflowTask();
    if (task != null) {
      if (task.attempt() > 1) {
        reasons.add(
            new AttentionReason(
                AttentionKind.WORKFLOW_TASK_FAILING,
                task.attempt(),
                firstLine(task.lastFailure()),
                0,
                null));
      } else {
        String stall =
            stalls.reason(
                TaskKind.WORKFLOW,
                task.taskQueue(),
                found.run().workflowType(),
                task.isLeased(),
                task.visibleAt(),
                now);
        if (stall != null) {
          reasons.add(
              new AttentionReason(
                  AttentionKind.WORKFLOW_TASK_STALLED, task.attempt(), stall, 0, null));
        }
      }
    }
    for (ActivityTaskState a : found.activityTasks()) {
      AttentionReason reason = activityReason(a, now);
      if (reason != null) {
        reasons.add(reason);
      }
    }
    return reasons;
  }

  private AttentionReason activityReason(ActivityTaskState a, Instant now) {
    if (a.task().attempt() > 1 || a.task().lastFailure() != null) {
      String message =
          a.task().lastFailure() == null
              ? null
              : codec.decodeValue(a.task().lastFailure(), Failure.class).message();
      return new AttentionReason(
          AttentionKind.ACTIVITY_RETRYING,
          a.task().attempt(),
          message,
          a.task().seq(),
          a.task().activityType());
    }
    String stall =
        stalls.reason(
            TaskKind.ACTIVITY,
            a.task().taskQueue(),
            a.task().activityType(),
            a.isLeased(),
            a.task().visibleAt(),
            now);
    return stall == null
        ? null
        : new AttentionReason(
            AttentionKind.ACTIVITY_STALLED,
            a.task().attempt(),
            stall,
            a.task().seq(),
            a.task().activityType());
  }

  /** The first line of a workflow task failure's text (its exception and message). */
  private static String firstLine(String failure) {
    if (failure == null) {
      return null;
    }
    int newline = failure.indexOf('\n');
    return newline < 0 ? failure : failure.substring(0, newline);
  }

  private static String emptyToNull(String token) {
    return token == null || token.isEmpty() ? null : token;
  }
}
