package dev.weft.internal.runtime;

import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow task a run is executing: its time, the recorded commands it replays (if any), the
 * commands the code produced so far, and why it cannot complete. Every part of a runner issues its
 * commands here, so that sequence numbers, replay checks and the closing command are decided in one
 * place.
 *
 * <p>Not thread-safe: touched only by the thread that currently runs the run's code.
 */
final class CurrentTask {
  private final String runId;
  private long nextSeq = 1;
  private long number;
  private Instant now;
  private List<EventAttributes> produced = new ArrayList<>();
  private ReplayCursor replay;
  private Throwable abort;
  private boolean closing;

  CurrentTask(String runId) {
    this.runId = runId;
  }

  /** Starts a task at {@code now}; {@code recorded} is null for a live task. */
  void begin(Instant now, WorkflowRunner.ReplayedTask recorded) {
    this.now = now;
    number++;
    produced = new ArrayList<>();
    replay =
        recorded == null
            ? null
            : new ReplayCursor(runId, recorded.boundaryEventId(), recorded.commands());
  }

  /** Checks that every recorded command was asked for (replay only). */
  void finishReplay() {
    if (abort == null && replay != null) {
      replay.finish();
    }
  }

  /** Forgets the recorded commands of the task that ended. */
  void end() {
    replay = null;
  }

  /**
   * Adds a command event to the task's output; while replaying, checks it against the recorded one
   * and returns that. Returns null when the run is closing already (a later command is dropped).
   *
   * @throws DestroyWorkflowThreadError if the task is aborted, or the command does not match the
   *     history (the task is then aborted with the non-determinism)
   */
  HistoryEvent command(EventAttributes event) {
    if (abort != null) {
      throw DestroyWorkflowThreadError.INSTANCE;
    }
    if (closing) {
      return null;
    }
    HistoryEvent recorded = null;
    if (replay != null) {
      try {
        recorded = replay.match(event);
      } catch (RuntimeException e) {
        abort(e);
        throw DestroyWorkflowThreadError.INSTANCE;
      }
    }
    produced.add(event);
    if (Commands.closesRun(event)) {
      closing = true;
    }
    return recorded;
  }

  /** Returns which task of this runner this is: 1 for the first it ran (replayed or live). */
  long number() {
    return number;
  }

  /** Returns the next command sequence number. */
  long nextSeq() {
    return nextSeq++;
  }

  /** Records why the task cannot complete; the first reason wins. */
  void abort(Throwable reason) {
    if (abort == null) {
      abort = reason;
    }
  }

  /** Returns why the task cannot complete, or null. */
  Throwable abortReason() {
    return abort;
  }

  /** Returns whether the code produced a command that closes the run. */
  boolean isClosing() {
    return closing;
  }

  /** Returns whether the task stops at the next yield (aborted, or the run is closing). */
  boolean isStopping() {
    return abort != null || closing;
  }

  /** Returns what the code sees as {@code Workflow.now()}. */
  Instant now() {
    return now;
  }

  /** Returns whether the task replays recorded history. */
  boolean isReplaying() {
    return replay != null;
  }

  /** Returns the recorded commands being replayed, or null for a live task. */
  ReplayCursor replay() {
    return replay;
  }

  /** Returns the command events the task produced so far. */
  List<EventAttributes> produced() {
    return produced;
  }
}
