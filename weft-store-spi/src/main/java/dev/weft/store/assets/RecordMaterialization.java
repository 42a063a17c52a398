package dev.weft.store.assets;

import dev.weft.store.Write;

/**
 * Records a successful materialization: appends it to the asset's history and makes it the current
 * one of its partition. The asset becomes {@link AssetStatus#FRESH} unless a reason still holds (an
 * upstream that is itself stale, an input it consumed at an older version); its direct downstream
 * assets are recomputed from their recorded provenance ({@link StaleReasonKind#UPSTREAM_NEWER_DATA}
 * when the version they consumed differs from the new one) and the changes propagate downstream.
 * Unconditional. Usually committed with the completion of the activity that computed it ({@code
 * Activity.commitWithCompletion}), so the catalog never disagrees with what ran.
 *
 * @param namespace the namespace of the asset
 * @param materialization what was materialized
 */
public record RecordMaterialization(String namespace, MaterializationRecord materialization)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if the namespace is blank
   */
  public RecordMaterialization {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.nonNull("materialization", materialization);
  }

  /** The run that materialized the asset; null when recorded outside a run. */
  @Override
  public String runId() {
    return materialization.runId();
  }
}
