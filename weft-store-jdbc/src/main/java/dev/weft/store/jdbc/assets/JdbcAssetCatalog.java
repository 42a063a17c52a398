package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetKeys;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.AssetWaiterRecord;
import dev.weft.store.assets.CheckResultRecord;
import dev.weft.store.assets.CheckSeverity;
import dev.weft.store.assets.MaterializationEntry;
import dev.weft.store.assets.MaterializationPage;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.jdbc.JdbcReads;
import dev.weft.store.jdbc.SqlSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link AssetCatalog} over a store's read connections: each read one query or two. */
final class JdbcAssetCatalog implements AssetCatalog {
  private final JdbcReads reads;

  JdbcAssetCatalog(JdbcReads reads) {
    this.reads = reads;
  }

  @Override
  public List<AssetNodeRecord> graph(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    return reads.read(
        "asset graph of namespace " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(AssetCatalogSql.GRAPH);
          ps.setString(1, namespace);
          try (ResultSet rs = ps.executeQuery()) {
            return GraphCache.nodes(rs);
          }
        });
  }

  @Override
  public List<AssetStateRecord> states(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    return reads.read(
        "asset states of namespace " + namespace,
        session -> states(session, AssetCatalogSql.STATES, namespace));
  }

  @Override
  public List<AssetStateRecord> stale(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    return reads.read(
        "stale assets of namespace " + namespace,
        session -> states(session, AssetCatalogSql.STALE, namespace));
  }

  private static List<AssetStateRecord> states(SqlSession session, String sql, String namespace)
      throws SQLException {
    PreparedStatement ps = session.prepare(sql);
    ps.setString(1, namespace);
    List<AssetStateRecord> states = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        states.add(StateColumns.read(rs));
      }
    }
    return states;
  }

  @Override
  public Optional<AssetStateRecord> state(String namespace, String assetKey, String partition) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    AssetKeys.requirePartition("partition", partition);
    return reads.read(
        "state of asset " + assetKey + " partition '" + partition + "' in " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(AssetCatalogSql.STATE);
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          ps.setString(3, partition);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              return Optional.of(StateColumns.read(rs));
            }
          }
          PreparedStatement node = session.prepare(AssetCatalogSql.NODE_REGISTERED_AT);
          node.setString(1, namespace);
          node.setString(2, assetKey);
          try (ResultSet rs = node.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            return Optional.of(
                new AssetStateRecord(
                    assetKey,
                    partition,
                    AssetStatus.MISSING,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    Instant.ofEpochMilli(rs.getLong(1))));
          }
        });
  }

  @Override
  public MaterializationPage history(
      String namespace, String assetKey, String partition, String pageToken, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    AssetKeys.requirePartition("partition", partition);
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + ": expected at least 1");
    }
    long below = HistoryToken.parse(pageToken);
    return reads.read(
        "history of asset " + assetKey + " partition '" + partition + "' in " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(AssetCatalogSql.HISTORY);
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          ps.setString(3, partition);
          ps.setLong(4, below);
          ps.setInt(5, limit + 1);
          List<MaterializationEntry> entries = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              entries.add(entry(rs, assetKey, partition));
            }
          }
          if (entries.size() <= limit) {
            return new MaterializationPage(entries, null);
          }
          List<MaterializationEntry> page = entries.subList(0, limit);
          return new MaterializationPage(page, HistoryToken.format(page.get(limit - 1).id()));
        });
  }

  private static MaterializationEntry entry(ResultSet rs, String assetKey, String partition)
      throws SQLException {
    long id = rs.getLong(1);
    Instant at = Instant.ofEpochMilli(rs.getLong(11));
    String failureType = rs.getString(9);
    if (failureType != null) {
      return new MaterializationEntry(id, null, failureType, rs.getString(10), at);
    }
    MaterializationRecord m =
        new MaterializationRecord(
            assetKey,
            partition,
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            CatalogColumns.inputs(rs.getString(5)),
            rs.getString(6),
            Instant.ofEpochMilli(rs.getLong(7)),
            Instant.ofEpochMilli(rs.getLong(8)));
    return new MaterializationEntry(id, m, null, null, at);
  }

  @Override
  public List<CheckResultRecord> latestChecks(String namespace, String assetKey, String partition) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    AssetKeys.requirePartition("partition", partition);
    return reads.read(
        "latest checks of asset " + assetKey + " partition '" + partition + "' in " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(AssetCatalogSql.LATEST_CHECKS);
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          ps.setString(3, partition);
          List<CheckResultRecord> checks = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              checks.add(check(rs, assetKey, partition));
            }
          }
          return checks;
        });
  }

  @Override
  public List<AssetWaiterRecord> waiters(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    return reads.read(
        "asset waiters of namespace " + namespace,
        session -> AssetWaiters.list(session, namespace));
  }

  @Override
  public List<CheckResultRecord> latestChecks(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    return reads.read(
        "latest checks of namespace " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(AssetCatalogSql.LATEST_CHECKS_OF_NAMESPACE);
          ps.setString(1, namespace);
          List<CheckResultRecord> checks = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              checks.add(check(rs, rs.getString(8), rs.getString(9)));
            }
          }
          return checks;
        });
  }

  /** Reads columns 1 to 7 of {@link AssetCatalogSql#LATEST_CHECKS} and its namespace variant. */
  private static CheckResultRecord check(ResultSet rs, String assetKey, String partition)
      throws SQLException {
    return new CheckResultRecord(
        assetKey,
        partition,
        rs.getString(1),
        rs.getString(2),
        rs.getBoolean(3),
        CheckSeverity.valueOf(rs.getString(4)),
        rs.getBoolean(5),
        rs.getString(6),
        Instant.ofEpochMilli(rs.getLong(7)));
  }
}
