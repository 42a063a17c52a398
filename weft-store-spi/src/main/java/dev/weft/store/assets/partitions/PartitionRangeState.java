package dev.weft.store.assets.partitions;

import dev.weft.store.assets.StaleReason;
import java.time.Instant;
import java.util.List;

/**
 * A range of an asset's partitions that share one status and its details.
 *
 * @param range the indexes (clipped to the window read, for window reads)
 * @param status their status
 * @param previousStatus for {@link PartitionStatus#IN_PROGRESS}: the status underneath, restored by
 *     a release (null: missing); null otherwise
 * @param dataVersion the data version they hold (also when stale, failed or in progress); null for
 *     none
 * @param materializationId the {@code asset_history} entry that produced it; null for none or an
 *     observation
 * @param reasons why stale (also kept by a failure); empty for none
 * @param failure the latest failure ({@code type: message}) when {@link PartitionStatus#FAILED}
 * @param runId the run of the materialization or failure the range holds; null for none or an
 *     observation
 * @param claimRunId for {@link PartitionStatus#IN_PROGRESS}: the run materializing it; null
 *     otherwise
 * @param updatedAt when the range last changed
 */
public record PartitionRangeState(
    IndexRange range,
    PartitionStatus status,
    PartitionStatus previousStatus,
    String dataVersion,
    Long materializationId,
    List<StaleReason> reasons,
    String failure,
    String runId,
    String claimRunId,
    Instant updatedAt) {

  /** Copies the reasons. */
  public PartitionRangeState {
    reasons = List.copyOf(reasons);
  }
}
