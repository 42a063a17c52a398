package dev.weft.store.assets;

import dev.weft.store.Write;
import java.time.Instant;

/**
 * Records the observed data version of an observable source asset (a block's hash). A version that
 * differs from the last observed one makes its dependents stale with {@link
 * StaleReasonKind#UPSTREAM_NEWER_DATA} (and their downstream {@link
 * StaleReasonKind#UPSTREAM_STALE}); an unchanged one changes nothing but the source's observation
 * time ({@link AssetStateRecord#updatedAt}). The first observation makes the source {@link
 * AssetStatus#FRESH}. Unconditional.
 *
 * @param namespace the namespace of the asset
 * @param assetKey the source's key
 * @param partition the partition; {@code ""} for an unpartitioned asset (never null)
 * @param dataVersion the observed version
 * @param metadataJson what the observation reported, as JSON; null for none
 * @param at when it was observed
 */
public record RecordObservation(
    String namespace,
    String assetKey,
    String partition,
    String dataVersion,
    String metadataJson,
    Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if the namespace or data version is blank or the key is
   *     malformed
   */
  public RecordObservation {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.key("assetKey", assetKey);
    AssetFields.partition("partition", assetKey, partition);
    AssetFields.notBlank("dataVersion", assetKey, dataVersion);
    AssetFields.nonNull("at", assetKey, at);
  }

  /** Null: an observation belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
