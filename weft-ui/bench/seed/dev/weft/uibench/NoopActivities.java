package dev.weft.uibench;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;

/** An activity that returns at once: its events fill the long history. */
@ActivityInterface
public interface NoopActivities {
  @ActivityMethod(name = "Noop")
  int noop(int n);
}
