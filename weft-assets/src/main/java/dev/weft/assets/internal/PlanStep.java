package dev.weft.assets.internal;

import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * One step of a materialization: a definition to run, the steps of the plan it waits for, and how
 * its activity runs. Part of the workflow's input, so a replay sees the plan of its start.
 *
 * @param name the definition's name
 * @param keys the assets it produces
 * @param after the names of the plan's steps it reads or depends on
 * @param retryPolicy its activity's retry policy
 * @param startToCloseTimeout its activity's time limit per attempt
 * @param scheduleToCloseTimeout its activity's time limit over all attempts, or null
 */
public record PlanStep(
    String name,
    List<String> keys,
    List<String> after,
    RetryPolicy retryPolicy,
    Duration startToCloseTimeout,
    Duration scheduleToCloseTimeout) {

  /** The options of this step's compute activity, shown with {@code summary}. */
  ActivityOptions activityOptions(String summary) {
    return ActivityOptions.newBuilder()
        .startToCloseTimeout(startToCloseTimeout)
        .scheduleToCloseTimeout(scheduleToCloseTimeout)
        .retryPolicy(retryPolicy)
        .summary(summary)
        .build();
  }
}
