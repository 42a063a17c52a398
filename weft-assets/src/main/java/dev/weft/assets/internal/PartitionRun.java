package dev.weft.assets.internal;

import dev.weft.store.assets.partitions.IndexRange;
import java.util.List;

/**
 * The partitions one compute call materializes: their index range, their keys and the text that IO
 * managers key the stored value by (the key of a single partition, {@code first..last} for a ranged
 * run).
 *
 * @param range the indexes; null for an unpartitioned asset
 * @param keys the keys in index order; empty for an unpartitioned asset
 * @param text the partition text ({@code ""} for an unpartitioned asset)
 */
public record PartitionRun(IndexRange range, List<String> keys, String text) {

  /** Copies the keys. */
  public PartitionRun {
    keys = List.copyOf(keys);
  }

  /** The run of an unpartitioned asset (or of the given partition text, for old callers). */
  public static PartitionRun none(String text) {
    return new PartitionRun(null, List.of(), text);
  }

  /** Returns the text of a run of {@code keys}: the key, or {@code first..last}. */
  public static String textOf(List<String> keys) {
    return keys.size() == 1 ? keys.get(0) : keys.get(0) + ".." + keys.get(keys.size() - 1);
  }
}
