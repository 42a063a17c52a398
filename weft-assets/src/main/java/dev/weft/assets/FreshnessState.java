package dev.weft.assets;

import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationRecord;
import java.time.Instant;
import java.util.List;

/**
 * An asset's freshness now: its policy, whether a violation is open, and until when it is fresh.
 *
 * @param policy the asset's policy
 * @param status {@link Status#VIOLATED} while a violation is open, else {@link Status#FRESH}
 * @param deadline when fresh: when it becomes late unless a materialization lands (null for a kind
 *     whose deadline is per partition); when violated: the violation's start
 * @param lastMaterializedAt when the current materialization finished; null if none
 * @param openViolation the open violation (of a partitioned asset: the oldest); null when fresh
 * @param latePartitions of a partitioned asset: the partitions with an open violation, oldest
 *     deadline first; empty otherwise
 */
public record FreshnessState(
    FreshnessPolicyRecord policy,
    Status status,
    Instant deadline,
    Instant lastMaterializedAt,
    FreshnessViolationRecord openViolation,
    List<String> latePartitions) {

  /** Copies the late partitions. */
  public FreshnessState {
    latePartitions = List.copyOf(latePartitions);
  }

  /** The state of an unpartitioned asset. */
  public FreshnessState(
      FreshnessPolicyRecord policy,
      Status status,
      Instant deadline,
      Instant lastMaterializedAt,
      FreshnessViolationRecord openViolation) {
    this(policy, status, deadline, lastMaterializedAt, openViolation, List.of());
  }

  /** Whether the asset meets its policy. */
  public enum Status {
    /** No violation is open. */
    FRESH,
    /** A violation is open since its deadline. */
    VIOLATED
  }

  /**
   * Returns the state from the catalog's records.
   *
   * @param policy the asset's policy
   * @param state the asset's state (null if the catalog has none)
   * @param openViolation its open violation, or null
   */
  public static FreshnessState of(
      FreshnessPolicyRecord policy,
      AssetStateRecord state,
      FreshnessViolationRecord openViolation) {
    Instant last = state == null || state.current() == null ? null : state.current().finishedAt();
    if (openViolation != null) {
      return new FreshnessState(
          policy, Status.VIOLATED, openViolation.deadline(), last, openViolation);
    }
    return new FreshnessState(policy, Status.FRESH, nextDeadline(policy, last), last, null);
  }

  /**
   * Returns the state of a partitioned asset under a {@code PARTITION_DEADLINE} policy: violated
   * while any partition is late, since the oldest late partition's deadline, with every late
   * partition named; fresh otherwise (the deadline is then null: each window has its own, see
   * {@link FreshnessPolicy.PartitionDeadline#deadlineOf}).
   *
   * @param policy the asset's policy
   * @param openViolations its open violations, oldest deadline first
   */
  public static FreshnessState ofPartitions(
      FreshnessPolicyRecord policy, List<FreshnessViolationRecord> openViolations) {
    if (openViolations.isEmpty()) {
      return new FreshnessState(policy, Status.FRESH, null, null, null, List.of());
    }
    FreshnessViolationRecord oldest = openViolations.getFirst();
    return new FreshnessState(
        policy,
        Status.VIOLATED,
        oldest.deadline(),
        oldest.lastMaterializedAt(),
        oldest,
        openViolations.stream().map(FreshnessViolationRecord::partition).toList());
  }

  /**
   * Returns when an asset under a {@code MAX_LAG} policy becomes late: its last materialization
   * (the policy's registration if none) plus the lag, never before the registration (a violation
   * does not start before its policy existed); null for other kinds.
   */
  public static Instant nextDeadline(FreshnessPolicyRecord policy, Instant lastMaterializedAt) {
    if (policy.kind() != FreshnessPolicyKind.MAX_LAG) {
      return null;
    }
    Instant base = lastMaterializedAt == null ? policy.registeredAt() : lastMaterializedAt;
    Instant deadline = base.plus(policy.maxLag());
    return deadline.isBefore(policy.registeredAt()) ? policy.registeredAt() : deadline;
  }
}
