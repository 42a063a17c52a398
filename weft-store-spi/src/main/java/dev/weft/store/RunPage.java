package dev.weft.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a run listing.
 *
 * @param runs the runs, in the query's order (newest first unless it has an {@code orderBy})
 * @param nextPageToken the token for the next page, or {@code null} when this is the last page
 * @param pauses the pauses of the listed runs that are paused, by run ID
 */
public record RunPage(List<RunRecord> runs, String nextPageToken, Map<String, Pause> pauses) {

  /** Copies the list and the map. */
  public RunPage {
    runs = List.copyOf(runs);
    pauses = Map.copyOf(pauses);
  }

  /** A page in which no run is paused. */
  public RunPage(List<RunRecord> runs, String nextPageToken) {
    this(runs, nextPageToken, Map.of());
  }

  /** Returns the pause of a listed run, if it is paused. */
  public Optional<Pause> pauseOf(String runId) {
    return Optional.ofNullable(pauses.get(runId));
  }
}
