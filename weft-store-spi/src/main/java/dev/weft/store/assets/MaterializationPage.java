package dev.weft.store.assets;

import java.util.List;

/**
 * A page of an asset partition's history, newest first.
 *
 * @param entries the page's entries, newest first
 * @param nextPageToken pass it to {@link AssetCatalog#history} for the next page; null on the last
 */
public record MaterializationPage(List<MaterializationEntry> entries, String nextPageToken) {

  /** Copies the entries. */
  public MaterializationPage {
    entries = List.copyOf(AssetFields.nonNull("entries", entries));
  }
}
