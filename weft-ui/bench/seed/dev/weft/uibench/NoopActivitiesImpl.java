package dev.weft.uibench;

/** Returns its argument. */
public final class NoopActivitiesImpl implements NoopActivities {
  @Override
  public int noop(int n) {
    return n;
  }
}
