package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.Map;

/**
 * The definition of an asset without partitions: one partition, key {@code ""}, index 0 (the
 * catalog's partition of issue 20). Obtained with {@link PartitionsDefinition#unpartitioned()}.
 */
public enum Unpartitioned implements PartitionsDefinition {
  /** The one instance. */
  INSTANCE;

  private static final IndexRange ONLY = IndexRange.of(0);

  @Override
  public long index(String key, PartitionsContext ctx) {
    if (!key.isEmpty()) {
      throw PartitionKeyException.ofKey(key, this, "the asset is not partitioned: its key is \"\"");
    }
    return 0;
  }

  @Override
  public String key(long index, PartitionsContext ctx) {
    if (index != 0) {
      throw PartitionKeyException.ofIndex(
          index, this, "the asset is not partitioned: index 0 only");
    }
    return "";
  }

  @Override
  public IndexRange declaredRange() {
    return ONLY;
  }

  @Override
  public IndexRangeSet validIndexes(PartitionsContext ctx) {
    return IndexRangeSet.of(ONLY);
  }

  @Override
  public Map<String, Object> description() {
    return Map.of("type", "unpartitioned");
  }

  @Override
  public String toString() {
    return "unpartitioned";
  }
}
