/**
 * The asset-catalog store extension ({@link dev.weft.store.jdbc.assets.AssetCatalogExtension}): the
 * SQL side of {@link dev.weft.store.assets}, with statuses and stale reasons kept incrementally in
 * the transaction of each catalog write.
 */
package dev.weft.store.jdbc.assets;
