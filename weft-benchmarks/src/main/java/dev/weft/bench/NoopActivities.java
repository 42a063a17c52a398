package dev.weft.bench;

import dev.weft.activity.ActivityInterface;

/** The activities of the throughput workloads: they do nothing, so the engine is measured. */
@ActivityInterface
public interface NoopActivities {
  /** Does nothing. */
  void noop();

  /** Returns its argument. */
  int echo(int value);
}
