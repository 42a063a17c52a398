package dev.weft.assets.partitions;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross product of any number of named dimensions: {@code (date, region)}. The index is a
 * mixed-radix number of the dimensions' indexes, the first dimension the most significant: {@code
 * index = ((d0 * r1) + d1) * r2 + d2 ...} where {@code dN} is dimension N's index minus its lowest
 * index and {@code rN} its {@linkplain PartitionDimension#radix() radix}. Only the first dimension
 * may grow without bound (time windows without an end, a growing integer range, dynamic keys);
 * every other dimension has a fixed radix, natural or {@linkplain PartitionDimension#capacity(long)
 * declared}. Keys join the dimensions' keys with {@code |} in declaration order: {@code
 * 2024-01-01|eu}.
 *
 * <pre>{@code
 * MultiPartitions byDayAndRegion = MultiPartitions.of(
 *     PartitionDimension.of("date", TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), UTC)),
 *     PartitionDimension.of("region", StaticPartitions.of("eu", "us")));
 * byDayAndRegion.index("2024-01-02|us");   // 1 * 2 + 1 = 3
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MultiPartitions implements PartitionsDefinition {
  private final List<PartitionDimension> dimensions;

  /** weights[i] = product of the radixes of the dimensions after i. */
  private final long[] weights;

  private final long limit;

  private MultiPartitions(List<PartitionDimension> dimensions) {
    this.dimensions = List.copyOf(dimensions);
    if (this.dimensions.size() < 2) {
      throw new IllegalArgumentException(
          "multi partitions need at least two dimensions, got " + dimensions.size());
    }
    Set<String> names = new HashSet<>();
    for (PartitionDimension d : this.dimensions) {
      if (!names.add(d.name())) {
        throw new IllegalArgumentException(
            "multi partitions: dimension " + d.name() + " is given twice");
      }
      if (d.definition() instanceof StaticPartitions s) {
        for (String key : s.keys()) {
          if (key.indexOf('|') >= 0) {
            throw new IllegalArgumentException(
                "multi partitions: key '" + key + "' of dimension " + d.name() + " contains '|'");
          }
        }
      }
    }
    int n = this.dimensions.size();
    weights = new long[n];
    long weight = 1;
    for (int i = n - 1; i >= 0; i--) {
      weights[i] = weight;
      PartitionDimension d = this.dimensions.get(i);
      if (i > 0) {
        if (d.radix() == 0) {
          throw new IllegalArgumentException(
              "multi partitions: dimension "
                  + d.name()
                  + " ("
                  + d.definition()
                  + ") has no end: only the first dimension may grow; declare its capacity");
        }
        try {
          weight = Math.multiplyExact(weight, d.radix());
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException(
              "multi partitions: the dimensions after "
                  + this.dimensions.get(0).name()
                  + " hold more than 2^63 partitions",
              e);
        }
      }
    }
    long firstRadix = this.dimensions.get(0).radix();
    long product;
    try {
      product = firstRadix == 0 ? Long.MAX_VALUE : Math.multiplyExact(firstRadix, weights[0]);
    } catch (ArithmeticException e) {
      product = Long.MAX_VALUE;
    }
    limit = product;
  }

  /**
   * Returns the cross product of the dimensions, the first the most significant.
   *
   * @throws IllegalArgumentException with fewer than two dimensions, two of one name, a key with
   *     {@code |}, or a dimension after the first without a fixed radix
   */
  public static MultiPartitions of(PartitionDimension... dimensions) {
    return new MultiPartitions(List.of(dimensions));
  }

  /** See {@link #of(PartitionDimension...)}. */
  public static MultiPartitions of(List<PartitionDimension> dimensions) {
    return new MultiPartitions(dimensions);
  }

  /** Returns the dimensions, most significant first. */
  public List<PartitionDimension> dimensions() {
    return dimensions;
  }

  /**
   * Returns the position of the dimension {@code name}.
   *
   * @throws PartitionKeyException naming the unknown dimension and the known ones
   */
  public int dimensionIndex(String name) {
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).name().equals(name)) {
        return i;
      }
    }
    throw PartitionKeyException.ofDimension(
        name, this, "no such dimension; dimensions are " + names());
  }

  /** Returns the weight of dimension {@code i}: the product of the radixes after it. */
  public long weight(int i) {
    return weights[i];
  }

  /** Returns the index of the partition whose dimension keys are {@code keys} (by name). */
  public long index(Map<String, String> keys, PartitionsContext ctx) {
    for (String name : keys.keySet()) {
      dimensionIndex(name);
    }
    StringBuilder joined = new StringBuilder();
    for (PartitionDimension d : dimensions) {
      String key = keys.get(d.name());
      if (key == null) {
        throw PartitionKeyException.ofKey(
            keys.toString(), this, "no key for dimension " + d.name());
      }
      joined.append(joined.isEmpty() ? "" : "|").append(key);
    }
    return index(joined.toString(), ctx);
  }

  @Override
  public long index(String key, PartitionsContext ctx) {
    String[] parts = key.split("\\|", -1);
    if (parts.length != dimensions.size()) {
      throw PartitionKeyException.ofKey(
          key,
          this,
          "expected "
              + dimensions.size()
              + " keys joined by '|' ("
              + String.join("|", names())
              + ")");
    }
    long index = 0;
    for (int i = 0; i < parts.length; i++) {
      PartitionDimension d = dimensions.get(i);
      long digit;
      try {
        digit = d.definition().index(parts[i], ctx) - d.base();
      } catch (PartitionKeyException e) {
        throw PartitionKeyException.ofKey(
            key, this, "dimension " + d.name() + ": " + e.getMessage());
      }
      if (i > 0 && digit >= d.radix()) {
        throw PartitionKeyException.ofKey(
            key, this, "dimension " + d.name() + ": index beyond its capacity " + d.radix());
      }
      try {
        index = Math.addExact(index, Math.multiplyExact(digit, weights[i]));
      } catch (ArithmeticException e) {
        throw PartitionKeyException.ofKey(key, this, "the index is beyond 2^63");
      }
    }
    return index;
  }

  @Override
  public String key(long index, PartitionsContext ctx) {
    if (index < 0 || index >= limit) {
      throw PartitionKeyException.ofIndex(index, this, "outside [0, " + limit + ")");
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < dimensions.size(); i++) {
      PartitionDimension d = dimensions.get(i);
      long digit = digit(index, i);
      String part;
      try {
        part = d.definition().key(digit + d.base(), ctx);
      } catch (PartitionKeyException e) {
        throw PartitionKeyException.ofIndex(
            index, this, "dimension " + d.name() + ": " + e.getMessage());
      }
      key.append(i == 0 ? "" : "|").append(part);
    }
    return key.toString();
  }

  /** Returns the digit (the dimension's index minus its lowest index) of dimension {@code i}. */
  public long digit(long index, int i) {
    long high = index / weights[i];
    return i == 0 ? high : high % dimensions.get(i).radix();
  }

  @Override
  public IndexRange declaredRange() {
    return new IndexRange(0, limit);
  }

  /**
   * Returns the cross product of the dimensions' current partitions. Costs the number of ranges of
   * the result: one range per run of whole blocks, so a dimension with holes (removed dynamic keys,
   * a partial capacity) multiplies it by the number of values of the dimensions before it.
   */
  @Override
  public IndexRangeSet validIndexes(PartitionsContext ctx) {
    IndexRangeSet lower = IndexRangeSet.of(IndexRange.of(0));
    for (int i = dimensions.size() - 1; i >= 0; i--) {
      PartitionDimension d = dimensions.get(i);
      IndexRangeSet own = IndexArithmetic.shift(d.definition().validIndexes(ctx), -d.base());
      if (i > 0) {
        own = own.intersect(IndexRangeSet.of(new IndexRange(0, d.radix())));
      }
      lower = IndexArithmetic.product(own, lower, weights[i]);
      if (lower.isEmpty()) {
        return lower;
      }
    }
    return lower;
  }

  private List<String> names() {
    return dimensions.stream().map(PartitionDimension::name).toList();
  }

  @Override
  public Map<String, Object> description() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "multi");
    List<Map<String, Object>> dims = new ArrayList<>();
    for (PartitionDimension dim : dimensions) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", dim.name());
      one.put("radix", dim.radix() == 0 ? null : dim.radix());
      one.put("partitions", dim.definition().description());
      dims.add(one);
    }
    d.put("dimensions", dims);
    return d;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MultiPartitions m && m.dimensions.equals(dimensions);
  }

  @Override
  public int hashCode() {
    return dimensions.hashCode();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (PartitionDimension d : dimensions) {
      parts.add(d.name() + ": " + d.definition());
    }
    return "multi partitions (" + String.join(" x ", parts) + ")";
  }
}
