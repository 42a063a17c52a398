package dev.weft.client;

import java.util.List;

/**
 * One page of a listing, newest first.
 *
 * @param workflows the runs
 * @param nextPageToken pass to {@link WorkflowFilter#pageToken} for the next page; {@code null} on
 *     the last page
 */
public record WorkflowPage(List<WorkflowSummary> workflows, String nextPageToken) {

  /** Copies the list. */
  public WorkflowPage {
    workflows = List.copyOf(workflows);
  }
}
