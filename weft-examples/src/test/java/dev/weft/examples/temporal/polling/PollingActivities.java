package dev.weft.examples.temporal.polling;

import dev.weft.activity.ActivityInterface;

/** The activity each polling sample calls: ask the downstream service once, or until it answers. */
@ActivityInterface
public interface PollingActivities {
  String doPoll();
}
