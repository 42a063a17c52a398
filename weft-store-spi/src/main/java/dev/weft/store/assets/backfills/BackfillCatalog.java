package dev.weft.store.assets.backfills;

import java.util.Optional;

/**
 * Reads of the catalog's backfills; obtained with {@code store.extension(BackfillCatalog.class)}.
 * Each read is a few indexed queries. Thread-safe.
 */
public interface BackfillCatalog {

  /** Returns a backfill with its progress per asset, if the namespace has it. */
  Optional<BackfillRecord> describe(String namespace, String backfillId);

  /**
   * Returns a page of the namespace's backfills, newest first.
   *
   * @param status only backfills of this status; null for all
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the page size, 1 to 1,000
   * @throws IllegalArgumentException naming a bad token or limit
   */
  BackfillPage list(String namespace, BackfillStatus status, String pageToken, int limit);

  /**
   * Returns a page of a backfill's chunks of one status ({@link ChunkStatus#FAILED} for its failed
   * ranges), in the order they were first recorded.
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the page size, 1 to 1,000
   * @throws IllegalArgumentException naming a bad token or limit
   */
  BackfillChunkPage chunks(
      String namespace, String backfillId, ChunkStatus status, String pageToken, int limit);
}
