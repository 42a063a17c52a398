package dev.weft.internal.batch;

import dev.weft.activity.ActivityInterface;

/** The batch workflow's one activity. */
@ActivityInterface
public interface BatchActivities {

  /**
   * Lists one page of the runs the batch's query matches in {@code namespace}, from {@code
   * pageToken}, and applies the operation to each.
   */
  PageOutcome applyPage(String namespace, BatchSpec spec, String pageToken, int pageSize);
}
