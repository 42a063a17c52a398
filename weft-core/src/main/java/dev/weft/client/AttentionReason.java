package dev.weft.client;

import java.util.Objects;

/**
 * One reason a running run needs attention.
 *
 * @param kind what is wrong
 * @param attempt the attempt of the workflow task or activity (attempts started so far)
 * @param message the last failure's message (its first line), or for a stall why it waits; {@code
 *     null} if there is none (an activity whose attempt was lost with its worker)
 * @param activitySeq the activity's sequence number in the run, or 0 for the workflow task
 * @param activityType the activity type, or {@code null} for the workflow task
 */
public record AttentionReason(
    AttentionKind kind, int attempt, String message, long activitySeq, String activityType) {

  /** Validates the reason. */
  public AttentionReason {
    Objects.requireNonNull(kind, "kind");
  }

  /** Returns whether the reason is about an activity (otherwise it is the workflow task). */
  public boolean isActivity() {
    return kind == AttentionKind.ACTIVITY_RETRYING || kind == AttentionKind.ACTIVITY_STALLED;
  }
}
