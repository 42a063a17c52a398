/**
 * The asset catalog at store level, kept by a store extension: {@link
 * dev.weft.store.assets.RegisterAssetGraph} records a namespace's asset graph, {@link
 * dev.weft.store.assets.RecordMaterialization}, {@link
 * dev.weft.store.assets.RecordMaterializationFailure}, {@link
 * dev.weft.store.assets.RecordObservation} and {@link dev.weft.store.assets.RecordCheckResult}
 * record what happened, and {@link dev.weft.store.assets.AssetCatalog} reads it (through {@link
 * dev.weft.store.Store#extension}).
 *
 * <p>Vocabulary: an asset key is a path of segments {@code [A-Za-z0-9_]+} joined by {@code /}
 * ({@code chain/raw_blocks}); a partition is a string, {@code ""} for an unpartitioned asset (never
 * null). Every record is keyed by (namespace, asset key, partition). Staleness is derived from
 * recorded provenance, never from clocks: an asset is stale for an upstream when the upstream's
 * current data version differs from the version its current materialization consumed. The store
 * keeps statuses incrementally in the transaction of the write that changes them, so reading them
 * is one query.
 */
package dev.weft.store.assets;
