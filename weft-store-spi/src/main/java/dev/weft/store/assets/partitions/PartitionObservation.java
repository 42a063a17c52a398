package dev.weft.store.assets.partitions;

/**
 * One partition's observed data version (a block's hash) and the version the caller read before
 * (optimistic concurrency: the write conflicts unless the stored version is still {@code
 * expectedVersion}).
 *
 * @param index the partition
 * @param dataVersion the observed version
 * @param expectedVersion the stored data version the caller expects to replace; null when it
 *     expects none (never observed)
 */
public record PartitionObservation(long index, String dataVersion, String expectedVersion) {

  /**
   * Validates the observation.
   *
   * @throws NullPointerException if the data version is null
   * @throws IllegalArgumentException if the index is negative or a version blank
   */
  public PartitionObservation {
    if (index < 0) {
      throw new IllegalArgumentException("index is " + index + ": expected an index >= 0");
    }
    PartitionFields.notBlank("dataVersion", null, dataVersion);
    PartitionFields.nullOrNotBlank("expectedVersion", null, expectedVersion);
  }
}
