package dev.weft.store.assets.backfills;

import java.util.List;

/**
 * A page of a backfill's chunks of one status, in the order they were recorded.
 *
 * @param chunks the page
 * @param nextPageToken pass it to {@link BackfillCatalog#chunks} for the next page; null on the
 *     last
 */
public record BackfillChunkPage(List<BackfillChunk> chunks, String nextPageToken) {
  /** Copies the list. */
  public BackfillChunkPage {
    chunks = List.copyOf(chunks);
  }
}
