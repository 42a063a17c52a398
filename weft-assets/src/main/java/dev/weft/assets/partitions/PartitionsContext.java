package dev.weft.assets.partitions;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a partitions definition cannot know by itself when asked which partitions exist now: the
 * time (a time window exists once it has ended), the keys of dynamic partitions (kept by the
 * catalog) and the current end of a growing integer range (for example the chain head + 1, kept by
 * the catalog per asset). Key-to-index translation needs only the dynamic keys.
 *
 * <pre>{@code
 * PartitionsContext ctx = PartitionsContext.at(clock.instant()).withDynamicKeys(catalogKeys);
 * long days = daily.count(ctx);
 * }</pre>
 *
 * @param now the instant the question is asked at
 * @param dynamicKeys the keys of dynamic partitions
 * @param integerEnd the exclusive end of the asset's growing integer range(s) now, if known; a
 *     growing range without it has no partition yet
 */
public record PartitionsContext(
    Instant now, DynamicPartitionKeys dynamicKeys, OptionalLong integerEnd) {

  /** For key and index translation of definitions that need no outside state. */
  public static final PartitionsContext NONE =
      new PartitionsContext(Instant.EPOCH, DynamicPartitionKeys.none(), OptionalLong.empty());

  /** Validates the context. */
  public PartitionsContext {
    Objects.requireNonNull(now, "PartitionsContext.now");
    Objects.requireNonNull(dynamicKeys, "PartitionsContext.dynamicKeys");
    Objects.requireNonNull(integerEnd, "PartitionsContext.integerEnd");
  }

  /** Returns the context at {@code now}, with no dynamic keys and no growing end. */
  public static PartitionsContext at(Instant now) {
    return new PartitionsContext(now, DynamicPartitionKeys.none(), OptionalLong.empty());
  }

  /** Returns this context reading dynamic keys from {@code keys}. */
  public PartitionsContext withDynamicKeys(DynamicPartitionKeys keys) {
    return new PartitionsContext(now, keys, integerEnd);
  }

  /** Returns this context where growing integer ranges end (exclusive) at {@code end}. */
  public PartitionsContext withIntegerEnd(long end) {
    return new PartitionsContext(now, dynamicKeys, OptionalLong.of(end));
  }
}
