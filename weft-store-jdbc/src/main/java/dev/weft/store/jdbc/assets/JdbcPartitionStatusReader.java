package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetKeys;
import dev.weft.store.assets.partitions.DynamicPartition;
import dev.weft.store.assets.partitions.DynamicPartitionPage;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IntegerPartitionEnd;
import dev.weft.store.assets.partitions.InvalidationCount;
import dev.weft.store.assets.partitions.PartitionCounts;
import dev.weft.store.assets.partitions.PartitionRangePage;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.StatusBar;
import dev.weft.store.jdbc.JdbcReads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link PartitionStatusReader} over a store's read connections: each read one query. */
final class JdbcPartitionStatusReader implements PartitionStatusReader {
  private static final int MAX_BUCKETS = 100_000;

  private final JdbcReads reads;

  JdbcPartitionStatusReader(JdbcReads reads) {
    this.reads = reads;
  }

  @Override
  public PartitionCounts counts(String namespace, String assetKey) {
    check(namespace, assetKey);
    return reads.read(
        "partition counts of asset " + assetKey + " in " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(PartitionRangeSql.COUNTS);
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          PartitionCounts counts = PartitionCounts.NONE;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts = counts.plus(PartitionStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
          }
          return counts;
        });
  }

  @Override
  public PartitionCounts counts(String namespace, String assetKey, IndexRange window) {
    check(namespace, assetKey);
    Objects.requireNonNull(window, "window");
    return reads.read(
        "partition counts of asset " + assetKey + " in " + namespace + " within " + window,
        session -> {
          PreparedStatement ps = session.prepare(PartitionRangeSql.COUNTS_IN_WINDOW);
          int p = 1;
          for (int status = 0; status < 4; status++) {
            ps.setLong(p++, window.end());
            ps.setLong(p++, window.end());
            ps.setLong(p++, window.start());
            ps.setLong(p++, window.start());
          }
          ps.setString(p++, namespace);
          ps.setString(p++, assetKey);
          ps.setString(p++, namespace);
          ps.setString(p++, assetKey);
          ps.setLong(p++, window.start());
          ps.setLong(p++, window.end());
          ps.setLong(p, window.start());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new PartitionCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
          }
        });
  }

  @Override
  public StatusBar bar(String namespace, String assetKey, IndexRange window, int buckets) {
    check(namespace, assetKey);
    Objects.requireNonNull(window, "window");
    if (buckets < 1 || buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException("buckets is " + buckets + ": expected 1.." + MAX_BUCKETS);
    }
    return StatusBars.of(window, buckets, spans(namespace, assetKey, window));
  }

  @Override
  public PartitionRangePage ranges(
      String namespace,
      String assetKey,
      PartitionStatus status,
      IndexRange window,
      String pageToken,
      int limit) {
    check(namespace, assetKey);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(window, "window");
    long after = pageToken == null ? -1 : token(pageToken);
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + ": expected at least 1");
    }
    List<StoredRange> found =
        reads.read(
            status + " partitions of asset " + assetKey + " in " + namespace + " within " + window,
            session -> {
              PreparedStatement ps = session.prepare(PartitionRangeSql.IN_STATUS);
              ps.setString(1, namespace);
              ps.setString(2, assetKey);
              ps.setString(3, status.name());
              ps.setString(4, namespace);
              ps.setString(5, assetKey);
              ps.setLong(6, window.start());
              ps.setLong(7, after);
              ps.setLong(8, window.end());
              ps.setLong(9, window.start());
              ps.setInt(10, limit + 1);
              return PartitionRangeSql.read(ps);
            });
    List<PartitionRangeState> page = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, found.size()); i++) {
      page.add(state(found.get(i), clipped(found.get(i), window)));
    }
    String next = found.size() > limit ? Long.toString(found.get(limit - 1).start()) : null;
    return new PartitionRangePage(page, next);
  }

  @Override
  public Optional<PartitionRangeState> status(String namespace, String assetKey, long index) {
    check(namespace, assetKey);
    if (index < 0) {
      throw new IllegalArgumentException("index is " + index + ": expected an index >= 0");
    }
    StoredRange found =
        reads.read(
            "partition " + index + " of asset " + assetKey + " in " + namespace,
            session -> PartitionRangeSql.at(session, namespace, assetKey, index));
    return found == null
        ? Optional.empty()
        : Optional.of(state(found, new IndexRange(found.start(), found.end())));
  }

  @Override
  public DynamicPartitionPage dynamicPartitions(
      String namespace, String definitionName, String pageToken, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(definitionName, "definitionName");
    long after = pageToken == null ? -1 : token(pageToken);
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + ": expected at least 1");
    }
    List<DynamicPartition> found =
        reads.read(
            "dynamic partitions of " + definitionName + " in " + namespace,
            session -> {
              PreparedStatement ps = session.prepare(PartitionRangeSql.DYNAMIC_PAGE);
              ps.setString(1, namespace);
              ps.setString(2, definitionName);
              ps.setLong(3, after);
              ps.setInt(4, limit + 1);
              List<DynamicPartition> rows = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  rows.add(new DynamicPartition(rs.getString(1), rs.getLong(2)));
                }
              }
              return rows;
            });
    String next = found.size() > limit ? Long.toString(found.get(limit - 1).index()) : null;
    return new DynamicPartitionPage(found.subList(0, Math.min(limit, found.size())), next);
  }

  @Override
  public Map<String, Long> dynamicIndexes(
      String namespace, String definitionName, Collection<String> keys) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(definitionName, "definitionName");
    Objects.requireNonNull(keys, "keys");
    return reads.read(
        "dynamic partition indexes of " + definitionName + " in " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(PartitionRangeSql.DYNAMIC_INDEX);
          Map<String, Long> indexes = new LinkedHashMap<>();
          for (String key : keys) {
            ps.setString(1, namespace);
            ps.setString(2, definitionName);
            ps.setString(3, Objects.requireNonNull(key, "keys item"));
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                indexes.put(key, rs.getLong(1));
              }
            }
          }
          return indexes;
        });
  }

  @Override
  public Optional<IntegerPartitionEnd> integerPartitionEnd(String namespace, String rangeName) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(rangeName, "rangeName");
    return reads.read(
        "the end of integer range " + rangeName + " in " + namespace,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT end_exclusive, updated_at FROM asset_integer_ranges"
                      + " WHERE namespace = ? AND range_name = ?");
          ps.setString(1, namespace);
          ps.setString(2, rangeName);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(
                    new IntegerPartitionEnd(
                        rangeName, rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))))
                : Optional.<IntegerPartitionEnd>empty();
          }
        });
  }

  @Override
  public List<InvalidationCount> invalidation(String namespace, String invalidationId) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(invalidationId, "invalidationId");
    return reads.read(
        "invalidation " + invalidationId + " in " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(PartitionRangeSql.INVALIDATION);
          ps.setString(1, namespace);
          ps.setString(2, invalidationId);
          List<InvalidationCount> counts = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.add(new InvalidationCount(rs.getString(1), rs.getLong(2)));
            }
          }
          return counts;
        });
  }

  private StatusSpans spans(String namespace, String assetKey, IndexRange window) {
    return reads.read(
        "partition ranges of asset " + assetKey + " in " + namespace + " within " + window,
        session -> StatusSpans.read(session, namespace, assetKey, window.start(), window.end()));
  }

  private static IndexRange clipped(StoredRange r, IndexRange window) {
    return new IndexRange(Math.max(r.start(), window.start()), Math.min(r.end(), window.end()));
  }

  private static PartitionRangeState state(StoredRange r, IndexRange range) {
    RangeContent c = r.content();
    return new PartitionRangeState(
        range,
        c.status(),
        c.previousStatus(),
        c.dataVersion(),
        c.materializationId(),
        CatalogColumns.reasons(c.reasons()),
        c.failure(),
        c.runId(),
        c.claimRunId(),
        Instant.ofEpochMilli(r.updatedAt()));
  }

  private static void check(String namespace, String assetKey) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
  }

  private static long token(String pageToken) {
    try {
      long after = Long.parseLong(pageToken);
      if (after >= 0) {
        return after;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new IllegalArgumentException(
        "pageToken '" + pageToken + "' is malformed: expected a previous page's nextPageToken");
  }
}
