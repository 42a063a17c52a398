package dev.weft.store;

import java.util.Objects;

/**
 * A filter over runs for listing, newest first.
 *
 * @param namespace the namespace to list
 * @param status only runs in this status, or {@code null} for any
 * @param workflowType only runs of this type, or {@code null} for any
 * @param workflowId only runs of this workflow ID, or {@code null} for any
 * @param pageSize the maximum number of runs to return
 * @param pageToken the {@link RunPage#nextPageToken()} of the previous page, or {@code null}
 */
public record RunQuery(
    String namespace,
    RunStatus status,
    String workflowType,
    String workflowId,
    int pageSize,
    String pageToken) {

  /** Validates the query. */
  public RunQuery {
    Objects.requireNonNull(namespace, "namespace");
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("pageSize must be in 1..10000, was " + pageSize);
    }
  }
}
