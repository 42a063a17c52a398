/**
 * Backfills in the asset catalog (issue 21, migration asset-catalog V007): a backfill's row ({@link
 * BackfillRecord}), its progress per asset and the outcome of each chunk it ran, written with
 * {@link CreateBackfill}, {@link PlanBackfill}, {@link RecordBackfillChunk} and {@link
 * SetBackfillStatus}, read through {@link BackfillCatalog}.
 */
package dev.weft.store.assets.backfills;
