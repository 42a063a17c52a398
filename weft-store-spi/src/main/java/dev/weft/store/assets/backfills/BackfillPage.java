package dev.weft.store.assets.backfills;

import java.util.List;

/**
 * A page of backfills, newest first.
 *
 * @param backfills the page
 * @param nextPageToken pass it to {@link BackfillCatalog#list} for the next page; null on the last
 */
public record BackfillPage(List<BackfillRecord> backfills, String nextPageToken) {
  /** Copies the list. */
  public BackfillPage {
    backfills = List.copyOf(backfills);
  }
}
