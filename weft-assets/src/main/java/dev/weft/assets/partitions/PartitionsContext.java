package dev.weft.assets.partitions;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a partitions definition cannot know by itself when asked which partitions exist now: the
 * time (a time window exists once it has ended), the keys of dynamic partitions (kept by the
 * catalog) and the current end of a growing integer range (for example the chain head + 1): kept by
 * the catalog per name for a named range ({@link #integerEnds()}), else given here ({@link
 * #integerEnd()}). Key-to-index translation needs only the dynamic keys.
 *
 * <pre>{@code
 * PartitionsContext ctx = PartitionsContext.at(clock.instant()).withDynamicKeys(catalogKeys);
 * long days = daily.count(ctx);
 * }</pre>
 *
 * @param now the instant the question is asked at
 * @param dynamicKeys the keys of dynamic partitions
 * @param integerEnd the exclusive end of the asset's growing integer range(s) now, if known; a
 *     growing range without it (or, when named, without an end in {@code integerEnds}) has no
 *     partition yet
 * @param integerEnds the current ends of named growing integer ranges
 */
public record PartitionsContext(
    Instant now,
    DynamicPartitionKeys dynamicKeys,
    OptionalLong integerEnd,
    IntegerRangeEnds integerEnds) {

  /** For key and index translation of definitions that need no outside state. */
  public static final PartitionsContext NONE =
      new PartitionsContext(
          Instant.EPOCH,
          DynamicPartitionKeys.none(),
          OptionalLong.empty(),
          IntegerRangeEnds.none());

  /** Validates the context. */
  public PartitionsContext {
    Objects.requireNonNull(now, "PartitionsContext.now");
    Objects.requireNonNull(dynamicKeys, "PartitionsContext.dynamicKeys");
    Objects.requireNonNull(integerEnd, "PartitionsContext.integerEnd");
    Objects.requireNonNull(integerEnds, "PartitionsContext.integerEnds");
  }

  /** A context whose named ranges have no end but {@code integerEnd}. */
  public PartitionsContext(Instant now, DynamicPartitionKeys dynamicKeys, OptionalLong integerEnd) {
    this(now, dynamicKeys, integerEnd, IntegerRangeEnds.none());
  }

  /** Returns the context at {@code now}, with no dynamic keys and no growing end. */
  public static PartitionsContext at(Instant now) {
    return new PartitionsContext(
        now, DynamicPartitionKeys.none(), OptionalLong.empty(), IntegerRangeEnds.none());
  }

  /** Returns this context reading dynamic keys from {@code keys}. */
  public PartitionsContext withDynamicKeys(DynamicPartitionKeys keys) {
    return new PartitionsContext(now, keys, integerEnd, integerEnds);
  }

  /** Returns this context where growing integer ranges end (exclusive) at {@code end}. */
  public PartitionsContext withIntegerEnd(long end) {
    return new PartitionsContext(now, dynamicKeys, OptionalLong.of(end), integerEnds);
  }

  /** Returns this context reading the ends of named growing integer ranges from {@code ends}. */
  public PartitionsContext withIntegerEnds(IntegerRangeEnds ends) {
    return new PartitionsContext(now, dynamicKeys, integerEnd, ends);
  }

  /**
   * Returns the current exclusive end of a growing integer range: for a named range the end kept
   * under its name when there is one, else (and for an unnamed range, {@code name} null) {@link
   * #integerEnd()}.
   */
  public OptionalLong integerEnd(String name) {
    if (name != null) {
      OptionalLong named = integerEnds.end(name);
      if (named.isPresent()) {
        return named;
      }
    }
    return integerEnd;
  }
}
