package dev.weft.store.assets.partitions;

import dev.weft.store.StoreException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the partition status the asset catalog keeps as ranges of indexes, obtained like {@link
 * dev.weft.store.assets.AssetCatalog}:
 *
 * <pre>{@code
 * PartitionStatusReader partitions = store.extension(PartitionStatusReader.class);
 * StatusBar bar = partitions.bar("default", "chain/blocks", new IndexRange(0, 10_000_000), 1000);
 * long failed = partitions.counts("default", "chain/blocks").failed();
 * }</pre>
 *
 * <p>Every read costs time in the number of stored ranges it touches, never in partitions. The
 * store keeps no partition count: what no range covers is missing, and {@code weft-assets} counts
 * it from the definition. Thread-safe; each call reads what was committed when it runs. Unknown
 * assets and definitions read as empty. Every method throws {@link StoreException} if the store
 * failed, {@link NullPointerException} for a null argument and {@link IllegalArgumentException} for
 * a malformed key, limit or token.
 */
public interface PartitionStatusReader {

  /** The counts of every kept status over the whole asset (a summary row: one lookup). */
  PartitionCounts counts(String namespace, String assetKey);

  /** The counts of every kept status within {@code window}. */
  PartitionCounts counts(String namespace, String assetKey, IndexRange window);

  /**
   * The status bar of {@code window} in {@code buckets} buckets (fewer when the window holds fewer
   * partitions: one per partition).
   *
   * @throws IllegalArgumentException if {@code buckets} is not within 1..100,000
   */
  StatusBar bar(String namespace, String assetKey, IndexRange window, int buckets);

  /**
   * A page of the stored ranges in {@code status} overlapping {@code window}, in index order,
   * clipped to it (adjacent ranges of one status with different details are listed apart).
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the most ranges to return, at least 1
   */
  PartitionRangePage ranges(
      String namespace,
      String assetKey,
      PartitionStatus status,
      IndexRange window,
      String pageToken,
      int limit);

  /** The stored range holding partition {@code index}, whole; empty when it is missing. */
  Optional<PartitionRangeState> status(String namespace, String assetKey, long index);

  /**
   * A page of a dynamic definition's keys, by index.
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the most keys to return, at least 1
   */
  DynamicPartitionPage dynamicPartitions(
      String namespace, String definitionName, String pageToken, int limit);

  /** The index of each of {@code keys} the definition has (absent keys are left out). */
  Map<String, Long> dynamicIndexes(
      String namespace, String definitionName, Collection<String> keys);

  /**
   * The current end of the named growing integer range ({@link AdvanceIntegerPartitionEnd}); empty
   * while none was recorded.
   */
  Optional<IntegerPartitionEnd> integerPartitionEnd(String namespace, String rangeName);

  /**
   * What {@link InvalidatePartitions} {@code invalidationId} did, per asset in the order of its
   * targets; empty for an unknown ID.
   */
  List<InvalidationCount> invalidation(String namespace, String invalidationId);
}
