package dev.weft.store.assets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

/**
 * An asset's freshness policy as the catalog keeps it.
 *
 * @param assetKey the asset's key
 * @param kind the policy's kind
 * @param maxLag for {@link FreshnessPolicyKind#MAX_LAG}: how old the latest materialization may be;
 *     null otherwise
 * @param deadline for {@link FreshnessPolicyKind#PARTITION_DEADLINE}: the time of day (in the
 *     asset's time zone) by which the previous window's partition must exist; null otherwise
 * @param registeredAt when this policy (as it is) was registered: an asset never materialized is
 *     late {@code maxLag} after it; ignored by {@link RegisterFreshnessPolicies} (the write's time)
 */
public record FreshnessPolicyRecord(
    String assetKey,
    FreshnessPolicyKind kind,
    Duration maxLag,
    LocalTime deadline,
    Instant registeredAt) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException if the key or kind is null (named)
   * @throws IllegalArgumentException if the key is not an asset key, or the field of the kind is
   *     missing, not positive or set for the other kind
   */
  public FreshnessPolicyRecord {
    AssetFields.key("assetKey", assetKey);
    AssetFields.nonNull("kind", assetKey, kind);
    boolean lag = kind == FreshnessPolicyKind.MAX_LAG;
    if (lag != (maxLag != null) || lag == (deadline != null)) {
      throw new IllegalArgumentException(
          "asset "
              + assetKey
              + ": a "
              + kind
              + " policy needs "
              + (lag ? "maxLag and no deadline" : "deadline and no maxLag")
              + ", was maxLag="
              + maxLag
              + ", deadline="
              + deadline);
    }
    if (lag && (maxLag.isNegative() || maxLag.isZero())) {
      throw new IllegalArgumentException(
          "asset " + assetKey + ": maxLag must be positive, was " + maxLag);
    }
  }

  /** Returns whether the two records state the same policy (the registration time aside). */
  public boolean samePolicy(FreshnessPolicyRecord other) {
    return other != null
        && assetKey.equals(other.assetKey)
        && kind == other.kind
        && Objects.equals(maxLag, other.maxLag)
        && Objects.equals(deadline, other.deadline);
  }

  /** Returns the policy's short form: {@code maxLag=PT1H} or {@code partitionDeadline=02:00}. */
  public String describe() {
    return kind == FreshnessPolicyKind.MAX_LAG
        ? "maxLag=" + maxLag
        : "partitionDeadline=" + deadline;
  }
}
