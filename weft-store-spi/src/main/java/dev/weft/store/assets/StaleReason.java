package dev.weft.store.assets;

/**
 * One reason why an asset is stale, derived from recorded provenance (never from clocks), so a user
 * sees what to rematerialize and why.
 *
 * <p>Examples: {@code (CODE_VERSION_CHANGED, null, "trades/daily_metrics", "code version changed:
 * v1 -> v2")}; {@code (UPSTREAM_NEWER_DATA, "trades/raw", "trades/raw", ...)}; {@code
 * (UPSTREAM_STALE, "trades/processed", "trades/raw", ...)}: the direct upstream {@code
 * trades/processed} is stale because {@code trades/raw} changed.
 *
 * @param kind what kind of reason
 * @param upstreamKey the direct upstream asset the reason is about; null for {@link
 *     StaleReasonKind#CODE_VERSION_CHANGED} (the asset's own code), required otherwise
 * @param rootCauseKey the asset whose change started it: the asset itself for a code change, the
 *     upstream for newer data, the upstream's root cause for a stale upstream
 * @param detail human text ({@code "code version changed: v1 -> v2"})
 */
public record StaleReason(
    StaleReasonKind kind, String upstreamKey, String rootCauseKey, String detail) {

  /**
   * Validates the reason.
   *
   * @throws NullPointerException if {@code kind}, {@code rootCauseKey} or {@code detail} is null,
   *     or {@code upstreamKey} is null for an upstream reason
   * @throws IllegalArgumentException if a key is not an asset key, or a code reason names an
   *     upstream
   */
  public StaleReason {
    AssetFields.nonNull("kind", kind);
    AssetFields.key("rootCauseKey", rootCauseKey);
    AssetFields.nonNull("detail", detail);
    if (kind == StaleReasonKind.CODE_VERSION_CHANGED) {
      if (upstreamKey != null) {
        throw new IllegalArgumentException(
            "upstreamKey is '" + upstreamKey + "': expected null for " + kind);
      }
    } else {
      AssetFields.key("upstreamKey", upstreamKey);
    }
  }

  /** A code version change of {@code assetKey} from {@code from} to {@code to} (null: none). */
  public static StaleReason codeVersionChanged(String assetKey, String from, String to) {
    return new StaleReason(
        StaleReasonKind.CODE_VERSION_CHANGED,
        null,
        assetKey,
        "code version changed: " + from + " -> " + to);
  }

  /** Upstream {@code upstreamKey} has data version {@code current}; {@code consumed} was read. */
  public static StaleReason upstreamNewerData(String upstreamKey, String consumed, String current) {
    return new StaleReason(
        StaleReasonKind.UPSTREAM_NEWER_DATA,
        upstreamKey,
        upstreamKey,
        "upstream "
            + upstreamKey
            + " has newer data: consumed "
            + consumed
            + ", current "
            + current);
  }

  /** Upstream {@code upstreamKey} is stale because {@code rootCauseKey} changed. */
  public static StaleReason upstreamStale(String upstreamKey, String rootCauseKey) {
    return new StaleReason(
        StaleReasonKind.UPSTREAM_STALE,
        upstreamKey,
        rootCauseKey,
        "upstream " + upstreamKey + " is stale (root cause: " + rootCauseKey + ")");
  }
}
