package dev.weft.store;

/**
 * The limits of one fairness key on one task queue, enforced by the store across all workers and
 * nodes. Limits govern activity tasks; workflow tasks are never held back by them.
 *
 * @param maxRunning the most activity attempts of the key that may run at once, or {@code null} for
 *     no concurrency limit; at least 1
 * @param rate the key's rate limit, or {@code null} for none
 */
public record KeyLimit(Integer maxRunning, RateLimit rate) {

  /** Validates the values; an error names the field and the value. */
  public KeyLimit {
    if (maxRunning != null && maxRunning < 1) {
      throw new IllegalArgumentException("maxRunning must be >= 1, was " + maxRunning);
    }
    if (maxRunning == null && rate == null) {
      throw new IllegalArgumentException(
          "a key limit needs maxRunning or a rate (to remove limits, set none)");
    }
  }
}
