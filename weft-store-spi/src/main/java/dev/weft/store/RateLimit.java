package dev.weft.store;

/**
 * A token bucket: up to {@code burst} tasks at once, refilled at {@code perSecond} tasks per
 * second.
 *
 * @param perSecond the sustained rate; positive
 * @param burst how many tasks may start at once after a quiet period; at least 1
 */
public record RateLimit(double perSecond, int burst) {

  /** Validates the values; each error names the field and the value. */
  public RateLimit {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException(
          "rate limit perSecond must be a positive number, was " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("rate limit burst must be >= 1, was " + burst);
    }
  }

  /** A limit of {@code perSecond} with a burst of the rate rounded up (at least 1). */
  public static RateLimit perSecond(double perSecond) {
    return new RateLimit(perSecond, (int) Math.max(1, Math.ceil(perSecond)));
  }
}
