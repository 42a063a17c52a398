package dev.weft.assets;

/**
 * How one asset fared in a materialization.
 *
 * @param key the asset
 * @param status what happened to it
 * @param errorType the error type of a failure, or {@code null}
 * @param message why it failed or was skipped, naming the asset (and the upstream or check), or
 *     {@code null}
 */
public record AssetOutcome(AssetKey key, Status status, String errorType, String message) {

  /** What happened to an asset in a materialization. */
  public enum Status {
    /** Computed, stored and recorded. */
    MATERIALIZED,
    /** An observable source whose version was observed and recorded. */
    OBSERVED,
    /** Its compute failed; the failure is recorded, its previous materialization stays current. */
    FAILED,
    /** Not run: an upstream failed, was skipped, or failed a blocking check. */
    SKIPPED
  }
}
