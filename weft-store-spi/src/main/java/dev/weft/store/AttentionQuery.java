package dev.weft.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Which running runs of a namespace need an operator's attention, for {@link
 * Store#listRunsNeedingAttention}: a run whose workflow task has failed ({@code attempt > 1}), an
 * activity of which is retrying (an attempt of it failed: {@code attempt > 1} or a last failure),
 * or (with {@code waitingSince}) one of whose tasks has waited unclaimed since before that time (a
 * candidate stall: the engine, which knows its workers, decides whether it is one).
 *
 * @param namespace the namespace of the runs
 * @param waitingSince tasks unclaimed and visible at or before this time count too; {@code null}
 *     for failing and retrying tasks only
 * @param pageSize the most runs in a page, 1 to {@link #MAX_PAGE_SIZE}
 * @param pageToken the {@link AttentionPage#nextPageToken} of the previous page, or {@code null}
 *     for the first
 */
public record AttentionQuery(
    String namespace, Instant waitingSince, int pageSize, String pageToken) {

  /** The largest page. */
  public static final int MAX_PAGE_SIZE = 1000;

  /**
   * Validates the query.
   *
   * @throws IllegalArgumentException if the page size is out of range
   */
  public AttentionQuery {
    Objects.requireNonNull(namespace, "namespace");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
  }
}
