package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.DynamicPartition;
import dev.weft.store.assets.partitions.DynamicPartitionPage;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of dynamic partitions as the asset catalog keeps them: a snapshot per definition name,
 * read from the store the first time the name is asked for and kept for the life of this object
 * (make one per operation, so one operation sees one consistent set of keys).
 *
 * <pre>{@code
 * DynamicPartitionKeys keys = new CatalogDynamicPartitionKeys(
 *     store.extension(PartitionStatusReader.class), "default");
 * long index = DynamicPartitions.named("customers").index("acme", PartitionsContext.NONE.withDynamicKeys(keys));
 * }</pre>
 *
 * <p>Cost: the first question about a name reads all its keys (pages of 1,000). Thread-safe.
 */
public final class CatalogDynamicPartitionKeys implements DynamicPartitionKeys {
  private static final int PAGE = 1000;

  private final PartitionStatusReader reader;
  private final String namespace;
  private final Map<String, Snapshot> byName = new ConcurrentHashMap<>();

  private record Snapshot(
      Map<String, Long> indexes, TreeMap<Long, String> keys, IndexRangeSet set) {}

  /** Keys of {@code namespace}'s dynamic definitions, read through {@code reader}. */
  public CatalogDynamicPartitionKeys(PartitionStatusReader reader, String namespace) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  @Override
  public OptionalLong index(String name, String key) {
    Long index = snapshot(name).indexes().get(key);
    return index == null ? OptionalLong.empty() : OptionalLong.of(index);
  }

  @Override
  public Optional<String> key(String name, long index) {
    return Optional.ofNullable(snapshot(name).keys().get(index));
  }

  @Override
  public IndexRangeSet indexes(String name) {
    return snapshot(name).set();
  }

  private Snapshot snapshot(String name) {
    return byName.computeIfAbsent(name, this::load);
  }

  private Snapshot load(String name) {
    Map<String, Long> indexes = new HashMap<>();
    TreeMap<Long, String> keys = new TreeMap<>();
    String token = null;
    do {
      DynamicPartitionPage page = reader.dynamicPartitions(namespace, name, token, PAGE);
      for (DynamicPartition p : page.partitions()) {
        indexes.put(p.key(), p.index());
        keys.put(p.index(), p.key());
      }
      token = page.nextPageToken();
    } while (token != null);
    List<IndexRange> ranges = new ArrayList<>();
    long start = -1;
    long end = -1;
    for (long index : keys.keySet()) {
      if (index != end) {
        if (start >= 0) {
          ranges.add(new IndexRange(start, end));
        }
        start = index;
      }
      end = index + 1;
    }
    if (start >= 0) {
      ranges.add(new IndexRange(start, end));
    }
    return new Snapshot(indexes, keys, IndexRangeSet.of(ranges));
  }
}
