package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.PartitionStatusReader;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current ends of named growing integer ranges as the asset catalog keeps them ({@code
 * assets.partitions().advanceIntegerEnd(name, end)}): read from the store the first time a name is
 * asked for and kept for the life of this object (make one per operation, so one operation sees one
 * head).
 *
 * <pre>{@code
 * PartitionsContext ctx = PartitionsContext.at(now)
 *     .withIntegerEnds(new CatalogIntegerRangeEnds(store.extension(PartitionStatusReader.class), "default"));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CatalogIntegerRangeEnds implements IntegerRangeEnds {
  private final PartitionStatusReader reader;
  private final String namespace;
  private final Map<String, OptionalLong> byName = new ConcurrentHashMap<>();

  /** Ends of {@code namespace}'s named integer ranges, read through {@code reader}. */
  public CatalogIntegerRangeEnds(PartitionStatusReader reader, String namespace) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  @Override
  public OptionalLong end(String name) {
    return byName.computeIfAbsent(
        name,
        n ->
            reader
                .integerPartitionEnd(namespace, n)
                .map(e -> OptionalLong.of(e.endExclusive()))
                .orElse(OptionalLong.empty()));
  }
}
