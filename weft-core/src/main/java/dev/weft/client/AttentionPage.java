package dev.weft.client;

import java.util.List;

/**
 * One page of {@link WeftClient#listRunsNeedingAttention}.
 *
 * @param runs the runs, newest first (by start time); a page may hold fewer than the page size even
 *     when more follow (runs whose tasks only waited long, and that this engine serves, are left
 *     out after the read)
 * @param nextPageToken the token of the next page, or {@code null} when this is the last
 */
public record AttentionPage(List<RunNeedingAttention> runs, String nextPageToken) {

  /** Copies the list. */
  public AttentionPage {
    runs = List.copyOf(runs);
  }
}
