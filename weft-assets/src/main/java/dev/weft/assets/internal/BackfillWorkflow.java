package dev.weft.assets.internal;

import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * The built-in workflow of a backfill ({@code __weft_backfill:<backfillId>}): plans its partitions
 * in windows, runs each window's chunks (downstream chunks as soon as the upstream chunks they read
 * committed, at most {@code maxConcurrentRuns} at once), then continues as new with the next
 * window, so its history stays bounded whatever the backfill's size. The catalog row holds its
 * progress; the signals only wake it (the row's status is what it obeys after a restart).
 */
@WorkflowInterface
public interface BackfillWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_backfill";

  /** The prefix of its workflow IDs. */
  String WORKFLOW_ID_PREFIX = "__weft_backfill:";

  /** The signal that pauses it: no new chunk starts; running ones end. */
  String PAUSE = "__weft_backfill_pause";

  /** The signal that resumes it. */
  String RESUME = "__weft_backfill_resume";

  /** The signal that cancels it: no new chunk starts; it ends CANCELED once running ones ended. */
  String CANCEL = "__weft_backfill_cancel";

  /** Runs the backfill from the window at {@code input.offset()}. */
  @WorkflowMethod(name = TYPE)
  void run(BackfillInput input);

  /** Pauses it. */
  @SignalMethod(name = PAUSE)
  void pause();

  /** Resumes it. */
  @SignalMethod(name = RESUME)
  void resume();

  /** Cancels it. */
  @SignalMethod(name = CANCEL)
  void cancel();
}
