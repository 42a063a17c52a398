package dev.weft.store.assets;

import java.util.List;
import java.util.Optional;

/**
 * Reads of the catalog's freshness policies and violations ({@link RegisterFreshnessPolicies},
 * {@link RecordFreshnessViolation}); obtained with {@code store.extension(FreshnessCatalog.class)}.
 * Each read is one indexed query. Thread-safe.
 */
public interface FreshnessCatalog {

  /** Returns the namespace's freshness policies, by asset key. */
  List<FreshnessPolicyRecord> policies(String namespace);

  /** Returns an asset's freshness policy, if it has one. */
  Optional<FreshnessPolicyRecord> policy(String namespace, String assetKey);

  /** Returns an asset partition's open violation, if it has one. */
  Optional<FreshnessViolationRecord> openViolation(
      String namespace, String assetKey, String partition);

  /**
   * Returns an asset's open violations (every partition: of a partitioned asset, the partitions
   * late now), oldest deadline first.
   */
  List<FreshnessViolationRecord> openViolations(String namespace, String assetKey);

  /** Returns the namespace's open violations, by asset key then partition. */
  List<FreshnessViolationRecord> openViolations(String namespace);

  /**
   * Returns a page of an asset's violations (every partition), newest first.
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the page size, 1 to 1,000
   * @throws IllegalArgumentException naming a bad token or limit
   */
  FreshnessViolationPage violations(String namespace, String assetKey, String pageToken, int limit);
}
