package dev.weft.store;

import java.util.List;

/**
 * One page of a run listing.
 *
 * @param runs the runs, in the query's order (newest first unless it has an {@code orderBy})
 * @param nextPageToken the token for the next page, or {@code null} when this is the last page
 */
public record RunPage(List<RunRecord> runs, String nextPageToken) {

  /** Copies the list. */
  public RunPage {
    runs = List.copyOf(runs);
  }
}
