package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.AssetKeys;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationPage;
import dev.weft.store.assets.FreshnessViolationRecord;
import dev.weft.store.jdbc.JdbcReads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link FreshnessCatalog} over a store's read connections: each read one indexed query. */
final class JdbcFreshnessCatalog implements FreshnessCatalog {
  private static final String POLICIES =
      "SELECT asset_key, kind, max_lag_ms, deadline_time, registered_at"
          + " FROM asset_freshness_policies WHERE namespace = ?";
  private static final String VIOLATIONS =
      "SELECT " + FreshnessColumns.VIOLATION + " FROM asset_freshness_violations";

  private final JdbcReads reads;

  JdbcFreshnessCatalog(JdbcReads reads) {
    this.reads = reads;
  }

  @Override
  public List<FreshnessPolicyRecord> policies(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    return reads.read(
        "freshness policies of namespace " + namespace,
        session -> {
          PreparedStatement ps = session.prepare(POLICIES + " ORDER BY asset_key");
          ps.setString(1, namespace);
          List<FreshnessPolicyRecord> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(FreshnessColumns.policy(rs.getString(1), rs, 2));
            }
          }
          return out;
        });
  }

  @Override
  public Optional<FreshnessPolicyRecord> policy(String namespace, String assetKey) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    return reads.read(
        "freshness policy of asset " + assetKey,
        session -> {
          PreparedStatement ps = session.prepare(POLICIES + " AND asset_key = ?");
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(FreshnessColumns.policy(assetKey, rs, 2))
                : Optional.<FreshnessPolicyRecord>empty();
          }
        });
  }

  @Override
  public Optional<FreshnessViolationRecord> openViolation(
      String namespace, String assetKey, String partition) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    AssetKeys.requirePartition("partition", partition);
    return reads.read(
        "open freshness violation of asset " + assetKey,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  VIOLATIONS
                      + " WHERE namespace = ? AND asset_key = ? AND partition_key = ?"
                      + " AND cleared_at IS NULL");
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          ps.setString(3, partition);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(FreshnessColumns.violation(rs))
                : Optional.<FreshnessViolationRecord>empty();
          }
        });
  }

  @Override
  public List<FreshnessViolationRecord> openViolations(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    return reads.read(
        "open freshness violations of namespace " + namespace,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  VIOLATIONS
                      + " WHERE namespace = ? AND cleared_at IS NULL"
                      + " ORDER BY asset_key, partition_key");
          ps.setString(1, namespace);
          List<FreshnessViolationRecord> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(FreshnessColumns.violation(rs));
            }
          }
          return out;
        });
  }

  @Override
  public List<FreshnessViolationRecord> openViolations(String namespace, String assetKey) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    return reads.read(
        "open freshness violations of asset " + assetKey,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  VIOLATIONS
                      + " WHERE namespace = ? AND asset_key = ? AND cleared_at IS NULL"
                      + " ORDER BY deadline_ms, id");
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          List<FreshnessViolationRecord> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(FreshnessColumns.violation(rs));
            }
          }
          return out;
        });
  }

  @Override
  public FreshnessViolationPage violations(
      String namespace, String assetKey, String pageToken, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
    }
    long below = ViolationToken.parse(pageToken);
    return reads.read(
        "freshness violations of asset " + assetKey,
        session -> {
          PreparedStatement ps =
              session.prepare(
                  VIOLATIONS
                      + " WHERE namespace = ? AND asset_key = ? AND id < ?"
                      + " ORDER BY id DESC LIMIT ?");
          ps.setString(1, namespace);
          ps.setString(2, assetKey);
          ps.setLong(3, below);
          ps.setInt(4, limit + 1);
          List<FreshnessViolationRecord> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(FreshnessColumns.violation(rs));
            }
          }
          if (out.size() <= limit) {
            return new FreshnessViolationPage(out, null);
          }
          List<FreshnessViolationRecord> page = out.subList(0, limit);
          return new FreshnessViolationPage(page, ViolationToken.format(page.getLast().id()));
        });
  }
}
