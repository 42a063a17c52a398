package dev.weft.assets;

/**
 * The body of an {@link AssetCheck}: looks at a freshly materialized value.
 *
 * @param <T> the asset's output type
 */
@FunctionalInterface
public interface CheckFunction<T> {
  /**
   * Checks the value; an exception is recorded as a failed check naming the asset and the check.
   */
  CheckResult check(T value) throws Exception;
}
