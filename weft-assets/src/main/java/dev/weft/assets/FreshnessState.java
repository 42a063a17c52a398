package dev.weft.assets;

import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationRecord;
import java.time.Instant;

/**
 * An asset's freshness now: its policy, whether a violation is open, and until when it is fresh.
 *
 * @param policy the asset's policy
 * @param status {@link Status#VIOLATED} while a violation is open, else {@link Status#FRESH}
 * @param deadline when fresh: when it becomes late unless a materialization lands (null for a kind
 *     whose deadline is per partition); when violated: the violation's start
 * @param lastMaterializedAt when the current materialization finished; null if none
 * @param openViolation the open violation; null when fresh
 */
public record FreshnessState(
    FreshnessPolicyRecord policy,
    Status status,
    Instant deadline,
    Instant lastMaterializedAt,
    FreshnessViolationRecord openViolation) {

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
