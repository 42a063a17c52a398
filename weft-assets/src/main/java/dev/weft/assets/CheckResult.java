package dev.weft.assets;

import java.util.Map;

/**
 * The outcome of one {@link AssetCheck} on one materialized value.
 *
 * @param passed whether the check passed
 * @param metadata what the check saw (for example {@code rows=0}), shown with the result
 */
public record CheckResult(boolean passed, Map<String, Object> metadata) {

  /** Copies the metadata. */
  public CheckResult {
    metadata = Map.copyOf(metadata);
  }

  /** Returns a result without metadata. */
  public static CheckResult of(boolean passed) {
    return new CheckResult(passed, Map.of());
  }

  /** Returns a passed result with this metadata. */
  public static CheckResult passed(Map<String, Object> metadata) {
    return new CheckResult(true, metadata);
  }

  /** Returns a failed result with this metadata. */
  public static CheckResult failed(Map<String, Object> metadata) {
    return new CheckResult(false, metadata);
  }
}
