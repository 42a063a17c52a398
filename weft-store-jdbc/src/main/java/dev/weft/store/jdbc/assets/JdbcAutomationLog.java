package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetKeys;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationAssetRecord;
import dev.weft.store.assets.automation.AutomationCursorRecord;
import dev.weft.store.assets.automation.AutomationEvaluationPage;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.jdbc.JdbcReads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link AutomationLog} over a store's read connections: each read one query. */
final class JdbcAutomationLog implements AutomationLog {
  private final JdbcReads reads;
  private final ChangeLog changes;

  JdbcAutomationLog(JdbcReads reads, ChangeLog changes) {
    this.reads = reads;
    this.changes = changes;
  }

  @Override
  public List<AssetChangeRecord> changesAfter(String namespace, long afterSeq, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    requireLimit(limit);
    return reads.read(
        "asset changes of " + namespace + " after " + afterSeq,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT seq, asset_key, partition_key, kind, run_id, at, partition_start,"
                      + " partition_end, partition_ranges FROM asset_changes"
                      + " WHERE namespace = ? AND seq > ? ORDER BY seq LIMIT ?");
          ps.setString(1, namespace);
          ps.setLong(2, afterSeq);
          ps.setInt(3, limit);
          List<AssetChangeRecord> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new AssetChangeRecord(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      AssetChangeKind.valueOf(rs.getString(4)),
                      rs.getString(5),
                      Instant.ofEpochMilli(rs.getLong(6)),
                      partitions(rs)));
            }
          }
          return out;
        });
  }

  @Override
  public List<AssetChangeRecord> changesOf(
      String namespace, Collection<String> assetKeys, long afterSeq, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    requireLimit(limit);
    if (assetKeys.isEmpty()) {
      return List.of();
    }
    List<String> keys = List.copyOf(assetKeys);
    return reads.read(
        "asset changes of " + keys.size() + " assets in " + namespace + " after " + afterSeq,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT seq, asset_key, partition_key, kind, run_id, at, partition_start,"
                      + " partition_end, partition_ranges FROM asset_changes"
                      + " WHERE namespace = ? AND seq > ? AND asset_key IN ("
                      + placeholders(keys.size())
                      + ") ORDER BY seq LIMIT ?");
          ps.setString(1, namespace);
          ps.setLong(2, afterSeq);
          for (int i = 0; i < keys.size(); i++) {
            ps.setString(i + 3, keys.get(i));
          }
          ps.setInt(keys.size() + 3, limit);
          List<AssetChangeRecord> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new AssetChangeRecord(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      AssetChangeKind.valueOf(rs.getString(4)),
                      rs.getString(5),
                      Instant.ofEpochMilli(rs.getLong(6)),
                      partitions(rs)));
            }
          }
          return out;
        });
  }

  /** The partitions of a change row (columns 7 to 9); null for an unpartitioned change. */
  private static IndexRangeSet partitions(ResultSet rs) throws SQLException {
    long start = rs.getLong(7);
    if (rs.wasNull()) {
      return null;
    }
    String ranges = rs.getString(9);
    return ranges != null
        ? IndexRangeSet.parse(ranges)
        : IndexRangeSet.of(new IndexRange(start, rs.getLong(8)));
  }

  @Override
  public Optional<Instant> cronCursor(String namespace, String assetKey) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    return reads.read(
        "cron cursor of " + assetKey + " in " + namespace,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT MAX(CASE WHEN kind = 'CRON_TICK' THEN at END),"
                      + " MIN(CASE WHEN kind = 'ADDED' THEN at END) FROM asset_changes"
                      + " WHERE namespace = ? AND asset_key = ? AND kind IN ('CRON_TICK', 'ADDED')");
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            long tick = rs.getLong(1);
            if (!rs.wasNull()) {
              return Optional.of(Instant.ofEpochMilli(tick));
            }
            long added = rs.getLong(2);
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(added));
          }
        });
  }

  @Override
  public Map<String, Map<AssetChangeKind, Long>> latestChanges(
      String namespace, Collection<String> assetKeys) {
    Objects.requireNonNull(namespace, "namespace");
    if (assetKeys.isEmpty()) {
      return Map.of();
    }
    List<String> keys = List.copyOf(assetKeys);
    return reads.read(
        "latest asset changes of " + keys.size() + " assets in " + namespace,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT asset_key, kind, MAX(seq) FROM asset_changes WHERE namespace = ?"
                      + " AND asset_key IN ("
                      + placeholders(keys.size())
                      + ") GROUP BY asset_key, kind");
          ps.setString(1, namespace);
          for (int i = 0; i < keys.size(); i++) {
            ps.setString(i + 2, keys.get(i));
          }
          Map<String, Map<AssetChangeKind, Long>> out = new HashMap<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(AssetChangeKind.class))
                  .put(AssetChangeKind.valueOf(rs.getString(2)), rs.getLong(3));
            }
          }
          return out;
        });
  }

  @Override
  public Optional<AutomationCursorRecord> cursor(String namespace, String location) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(location, "location");
    return reads.read(
        "automation cursor of " + namespace + "/" + location,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT cursor_seq, owner, lease_until FROM automation_cursors"
                      + " WHERE namespace = ? AND location = ?");
          ps.setString(1, namespace);
          ps.setString(2, location);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(
                    new AutomationCursorRecord(
                        rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                : Optional.empty();
          }
        });
  }

  @Override
  public Map<String, AutomationAssetRecord> assets(String namespace, Collection<String> assetKeys) {
    Objects.requireNonNull(namespace, "namespace");
    if (assetKeys.isEmpty()) {
      return Map.of();
    }
    List<String> keys = List.copyOf(assetKeys);
    return reads.read(
        "automation state of " + keys.size() + " assets in " + namespace,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT asset_key, handled_seq, workflow_id, run_id FROM automation_assets"
                      + " WHERE namespace = ? AND asset_key IN ("
                      + placeholders(keys.size())
                      + ")");
          ps.setString(1, namespace);
          for (int i = 0; i < keys.size(); i++) {
            ps.setString(i + 2, keys.get(i));
          }
          Map<String, AutomationAssetRecord> out = new HashMap<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(
                  rs.getString(1),
                  new AutomationAssetRecord(
                      rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
            }
          }
          return out;
        });
  }

  @Override
  public AutomationEvaluationPage evaluations(
      String namespace, String assetKey, String pageToken, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    requireLimit(limit);
    long below = HistoryToken.parse(pageToken);
    return reads.read(
        "automation evaluations of asset " + assetKey + " in " + namespace,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  "SELECT id, condition, fired, reason, partitions, workflow_id, run_id, from_seq,"
                      + " to_seq, at FROM automation_evaluations WHERE namespace = ?"
                      + " AND asset_key = ? AND id < ? ORDER BY id DESC LIMIT ?");
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          ps.setLong(3, below);
          ps.setInt(4, limit + 1);
          List<AutomationEvaluationRecord> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(evaluation(rs, assetKey));
            }
          }
          if (out.size() <= limit) {
            return new AutomationEvaluationPage(out, null);
          }
          List<AutomationEvaluationRecord> page = out.subList(0, limit);
          return new AutomationEvaluationPage(page, HistoryToken.format(page.get(limit - 1).id()));
        });
  }

  @Override
  public void addChangeListener(Runnable listener) {
    changes.addListener(Objects.requireNonNull(listener, "listener"));
  }

  private static AutomationEvaluationRecord evaluation(ResultSet rs, String assetKey)
      throws SQLException {
    return new AutomationEvaluationRecord(
        rs.getLong(1),
        assetKey,
        rs.getString(2),
        rs.getBoolean(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getLong(8),
        rs.getLong(9),
        Instant.ofEpochMilli(rs.getLong(10)));
  }

  private static String placeholders(int n) {
    return "?" + ", ?".repeat(n - 1);
  }

  private static void requireLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + ": expected at least 1");
    }
  }
}
