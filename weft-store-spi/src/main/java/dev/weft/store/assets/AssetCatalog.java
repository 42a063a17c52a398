package dev.weft.store.assets;

import dev.weft.store.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the asset catalog: the graph {@link RegisterAssetGraph} registered, the states the store
 * keeps incrementally as {@link RecordMaterialization}, {@link RecordMaterializationFailure},
 * {@link RecordObservation} and graph registrations commit, the history and check results. Obtained
 * from a {@link dev.weft.store.Store} with the asset-catalog extension installed (every SQL store
 * by default):
 *
 * <pre>{@code
 * AssetCatalog catalog = store.extension(AssetCatalog.class);
 * for (AssetStateRecord s : catalog.stale("default")) {
 *   System.out.println(s.assetKey() + " " + s.status() + " " + s.reasons());
 * }
 * }</pre>
 *
 * <p>Statuses are never computed on read: every read is a plain query. Thread-safe; each call reads
 * what was committed when it runs. Every method throws {@link StoreException} if the store failed.
 */
public interface AssetCatalog {

  /** Returns the namespace's graph, by asset key; empty if none was registered. */
  List<AssetNodeRecord> graph(String namespace);

  /**
   * Returns the state of every asset of the namespace's graph, by asset key then partition, in one
   * query: one per partition the asset has a state for, and a {@link AssetStatus#MISSING} state of
   * partition {@code ""} for an asset that has none. Assets that left the graph are not listed.
   */
  List<AssetStateRecord> states(String namespace);

  /**
   * Returns the state of an asset partition: the stored one (also for an asset that left the
   * graph), or {@link AssetStatus#MISSING} for an asset of the graph without one; empty for a key
   * the catalog does not know.
   *
   * @throws IllegalArgumentException if the key is malformed
   * @throws NullPointerException if the key or the partition is null
   */
  Optional<AssetStateRecord> state(String namespace, String assetKey, String partition);

  /**
   * Returns the states of the graph's assets that have stale reasons (status {@link
   * AssetStatus#STALE}, or {@link AssetStatus#FAILED} with reasons), by asset key then partition.
   */
  List<AssetStateRecord> stale(String namespace);

  /**
   * Returns a page of an asset partition's history (materializations and failures), newest first;
   * also for an asset that left the graph.
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the most entries to return, at least 1
   * @throws IllegalArgumentException if the key is malformed, the limit below 1 or the token
   *     malformed
   * @throws NullPointerException if the key or the partition is null
   */
  MaterializationPage history(
      String namespace, String assetKey, String partition, String pageToken, int limit);

  /**
   * Returns the latest result of every check that ran on an asset partition, by check name.
   *
   * @throws IllegalArgumentException if the key is malformed
   * @throws NullPointerException if the key or the partition is null
   */
  List<CheckResultRecord> latestChecks(String namespace, String assetKey, String partition);

  /**
   * Returns the runs waiting for a condition on an asset of the namespace ({@link AwaitAsset})
   * whose condition has not held yet, oldest first.
   */
  List<AssetWaiterRecord> waiters(String namespace);

  /**
   * Returns the latest result of every check of every asset partition of the namespace, in one
   * query, by asset key, partition, then check name (also of assets that left the graph): what a
   * catalog list shows beside each asset's status.
   */
  List<CheckResultRecord> latestChecks(String namespace);
}
