package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Releases the in-progress claims of runs that are no longer running (terminated, or closed without
 * giving their claims back), over some partitions of an asset, in the transaction of a write that
 * needs them: a new claim, a dynamic key's removal. A cancelled run releases its own claims on its
 * way out; a terminated one cannot (its code does not run again), so its claims go back to the
 * status they had before it when the next writer meets them.
 */
final class DeadClaims {
  private static final String CLOSED =
      "SELECT 1 FROM runs WHERE run_id = ? AND status <> 'RUNNING'";

  private DeadClaims() {}

  /** Releases the dead claims over {@code where} of {@code asset}; returns how many partitions. */
  static long release(WriteContext tx, String namespace, String asset, IndexRangeSet where, long at)
      throws SQLException {
    List<IndexRange> ranges = where.ranges();
    long lo = ranges.get(0).start();
    long hi = ranges.get(ranges.size() - 1).end();
    List<StoredRange> overlapping = PartitionRangeSql.overlapping(tx, namespace, asset, lo, hi);
    List<String> dead = new ArrayList<>();
    long released = 0;
    for (StoredRange r : overlapping) {
      String claim = r.content().claimRunId();
      if (r.content().status() != PartitionStatus.IN_PROGRESS || claim == null) {
        continue;
      }
      if (!dead.contains(claim) && !closed(tx, claim)) {
        continue;
      }
      dead.add(claim);
      IndexRangeSet mine = IndexRangeSet.of(new IndexRange(r.start(), r.end())).intersect(where);
      if (mine.isEmpty()) {
        continue;
      }
      PartitionWrites.paint(
          tx, namespace, asset, mine, current -> RangeContent.released(current, claim), at);
      released += mine.ranges().stream().mapToLong(IndexRange::size).sum();
    }
    return released;
  }

  /** Whether the run is a closed run of this store (a claim by an unknown ID is kept). */
  private static boolean closed(WriteContext tx, String runId) throws SQLException {
    PreparedStatement ps = tx.prepare(CLOSED);
    ps.setString(1, runId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}
