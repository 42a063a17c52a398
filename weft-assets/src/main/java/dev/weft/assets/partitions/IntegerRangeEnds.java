package dev.weft.assets.partitions;

import java.util.OptionalLong;

/**
 * Where the current ends of named growing {@link IntegerRangePartitions} live: the catalog
 * implements it over its stored ends ({@link CatalogIntegerRangeEnds}); {@link #none()} knows none.
 * An end is exclusive (the chain head + 1) and never moves backwards.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface IntegerRangeEnds {

  /** The source that knows no end. */
  static IntegerRangeEnds none() {
    return name -> OptionalLong.empty();
  }

  /** Returns the current exclusive end of the range named {@code name}, if one was recorded. */
  OptionalLong end(String name);
}
