package dev.weft.store.jdbc.assets;

import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.partitions.PartitionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a stored partition range says about each of its partitions: every column of {@code
 * asset_partition_ranges} but the range and {@code updated_at}. Adjacent ranges with equal content
 * are merged.
 *
 * @param reasons the packed stale reasons ({@link CatalogColumns#reasons(List)}), null for none
 */
record RangeContent(
    PartitionStatus status,
    PartitionStatus previousStatus,
    String dataVersion,
    Long materializationId,
    String reasons,
    String failure,
    String runId,
    String claimRunId) {

  RangeContent {
    Objects.requireNonNull(status, "status");
  }

  /** Freshly materialized by {@code materializationId}. */
  static RangeContent materialized(String dataVersion, Long materializationId, String runId) {
    return new RangeContent(
        PartitionStatus.MATERIALIZED,
        null,
        dataVersion,
        materializationId,
        null,
        null,
        runId,
        null);
  }

  /**
   * Stale with {@code reason} where materialized or stale (a reason of the same kind about the same
   * upstream replaced); anything else unchanged.
   */
  static RangeContent cascade(RangeContent current, StaleReason reason) {
    if (current == null
        || (current.status != PartitionStatus.MATERIALIZED
            && current.status != PartitionStatus.STALE)) {
      return current;
    }
    List<StaleReason> reasons = new ArrayList<>();
    for (StaleReason kept : CatalogColumns.reasons(current.reasons)) {
      if (kept.kind() != reason.kind()
          || !Objects.equals(kept.upstreamKey(), reason.upstreamKey())) {
        reasons.add(kept);
      }
    }
    reasons.add(reason);
    return new RangeContent(
        PartitionStatus.STALE,
        null,
        current.dataVersion,
        current.materializationId,
        CatalogColumns.reasons(reasons),
        null,
        current.runId,
        null);
  }

  /** Whether it is an observed partition: materialized, by an observation rather than a run. */
  boolean observed() {
    return status == PartitionStatus.MATERIALIZED && materializationId == null;
  }

  /** Failed: keeps the data version, materialization and reasons underneath. */
  static RangeContent failed(RangeContent current, String failure, String runId) {
    return new RangeContent(
        PartitionStatus.FAILED,
        null,
        current == null ? null : current.dataVersion,
        current == null ? null : current.materializationId,
        current == null ? null : current.reasons,
        failure,
        runId,
        null);
  }

  /**
   * Claimed by {@code runId}, keeping what is underneath (a claim over a claim keeps the first's).
   */
  static RangeContent claimed(RangeContent current, String runId) {
    if (current == null) {
      return new RangeContent(
          PartitionStatus.IN_PROGRESS, null, null, null, null, null, null, runId);
    }
    PartitionStatus under =
        current.status == PartitionStatus.IN_PROGRESS ? current.previousStatus : current.status;
    return new RangeContent(
        PartitionStatus.IN_PROGRESS,
        under,
        current.dataVersion,
        current.materializationId,
        current.reasons,
        current.failure,
        current.runId,
        runId);
  }

  /** What was underneath {@code runId}'s claim (null: missing); anything else unchanged. */
  static RangeContent released(RangeContent current, String runId) {
    if (current == null
        || current.status != PartitionStatus.IN_PROGRESS
        || !runId.equals(current.claimRunId)) {
      return current;
    }
    if (current.previousStatus == null) {
      return null;
    }
    return new RangeContent(
        current.previousStatus,
        null,
        current.dataVersion,
        current.materializationId,
        current.reasons,
        current.failure,
        current.runId,
        null);
  }
}
