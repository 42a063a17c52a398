package dev.weft.schedules.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;
import dev.weft.assets.BackfillRequest;

/** The activity that launches a sensor's backfill through the app's asset backfills. */
@ActivityInterface
public interface BackfillLaunches {

  /** Launches {@code request}; returns the backfill's ID. */
  @ActivityMethod(name = "__weft_sensor_backfill_launch")
  String launch(BackfillRequest request);
}
