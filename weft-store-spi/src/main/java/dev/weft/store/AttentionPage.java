package dev.weft.store;

import java.util.List;

/**
 * One page of {@link Store#listRunsNeedingAttention}.
 *
 * @param runs the runs, newest first (by start time, then run ID)
 * @param nextPageToken the token of the next page, or {@code null} when this is the last
 */
public record AttentionPage(List<AttentionRun> runs, String nextPageToken) {

  /** Copies the list. */
  public AttentionPage {
    runs = List.copyOf(runs);
  }
}
