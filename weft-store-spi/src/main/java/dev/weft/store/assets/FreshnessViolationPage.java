package dev.weft.store.assets;

import java.util.List;

/**
 * A page of an asset's freshness violations, newest first.
 *
 * @param violations the page's violations, newest first
 * @param nextPageToken pass it to {@link FreshnessCatalog#violations} for the next page; null on
 *     the last
 */
public record FreshnessViolationPage(
    List<FreshnessViolationRecord> violations, String nextPageToken) {

  /** Copies the list. */
  public FreshnessViolationPage {
    violations = List.copyOf(AssetFields.nonNull("violations", violations));
  }
}
