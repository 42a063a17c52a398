package dev.weft.assets.internal.automation;

import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The partitions an automated run materializes, as a {@link PartitionSelection} for the planner and
 * as the text its evaluation records ({@code 2024-01-02..2024-01-04, 2024-01-07}).
 */
final class AutomatedPartitions {
  private AutomatedPartitions() {}

  /** One range as a range selection; several as the keys of every index. */
  static PartitionSelection selection(
      PartitionsDefinition def, IndexRangeSet partitions, PartitionsContext ctx) {
    List<IndexRange> ranges = partitions.ranges();
    if (ranges.size() == 1) {
      IndexRange r = ranges.get(0);
      return PartitionSelection.range(def.key(r.start(), ctx), def.key(r.end() - 1, ctx));
    }
    List<String> keys = new ArrayList<>();
    for (IndexRange r : ranges) {
      for (long i = r.start(); i < r.end(); i++) {
        keys.add(def.key(i, ctx));
      }
    }
    return PartitionSelection.keys(keys);
  }

  /** The partitions as people read them: each range {@code first..last}, or its one key. */
  static String text(PartitionsDefinition def, IndexRangeSet partitions, PartitionsContext ctx) {
    List<String> parts = new ArrayList<>();
    for (IndexRange r : partitions.ranges()) {
      parts.add(
          r.size() == 1
              ? def.key(r.start(), ctx)
              : def.key(r.start(), ctx) + ".." + def.key(r.end() - 1, ctx));
    }
    return String.join(", ", parts);
  }
}
