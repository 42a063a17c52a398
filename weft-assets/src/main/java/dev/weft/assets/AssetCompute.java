package dev.weft.assets;

/**
 * The compute of one asset: returns its value, which its IO manager stores.
 *
 * @param <T> the asset's output type
 */
@FunctionalInterface
public interface AssetCompute<T> {
  /**
   * Computes the value. An exception fails the attempt; once retries are spent the materialization
   * is recorded as failed and nothing downstream runs.
   */
  T compute(AssetContext context) throws Exception;
}
