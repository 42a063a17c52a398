package dev.weft.store.assets.automation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads declarative automation's rows of the asset catalog: the change log, the evaluator's cursor
 * and lease, what it remembers per asset and the evaluations it recorded. Obtained from a store
 * with the asset-catalog extension: {@code store.extension(AutomationLog.class)}.
 *
 * <pre>{@code
 * AutomationLog log = store.extension(AutomationLog.class);
 * for (AssetChangeRecord c : log.changesAfter("default", cursor, 500)) {
 *   System.out.println(c.seq() + " " + c.assetKey() + " " + c.kind());
 * }
 * }</pre>
 *
 * <p>Thread-safe; each call reads what was committed when it runs. Every method throws {@link
 * dev.weft.store.StoreException} if the store failed.
 */
public interface AutomationLog {

  /** Returns up to {@code limit} (at least 1) changes of the namespace after {@code afterSeq}. */
  List<AssetChangeRecord> changesAfter(String namespace, long afterSeq, int limit);

  /**
   * Returns up to {@code limit} (at least 1) changes of the assets {@code assetKeys} after {@code
   * afterSeq}, in sequence order, with their partitions: what a partitioned asset's evaluation
   * reads to know which upstream partitions changed since its last run.
   */
  List<AssetChangeRecord> changesOf(
      String namespace, Collection<String> assetKeys, long afterSeq, int limit);

  /**
   * Returns, for each of the keys that has changes, the latest sequence number of each kind of
   * change, in one query.
   */
  Map<String, Map<AssetChangeKind, Long>> latestChanges(
      String namespace, Collection<String> assetKeys);

  /**
   * Returns the durable cursor of an asset's cron ticks: the latest tick recorded ({@link
   * AppendCronTick}), else when a graph registration added the asset; empty if neither. A node that
   * starts evaluating counts ticks from it, so a tick that passed while no node evaluated fires
   * once when one does.
   */
  Optional<Instant> cronCursor(String namespace, String assetKey);

  /** Returns the cursor and lease of a location's evaluator; empty before it first ran. */
  Optional<AutomationCursorRecord> cursor(String namespace, String location);

  /** Returns what the evaluator remembers of each of the keys it fired for, by key. */
  Map<String, AutomationAssetRecord> assets(String namespace, Collection<String> assetKeys);

  /**
   * Returns a page of an asset's evaluations, newest first.
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the most evaluations to return, at least 1
   * @throws IllegalArgumentException if the limit is below 1 or the token malformed
   */
  AutomationEvaluationPage evaluations(
      String namespace, String assetKey, String pageToken, int limit);

  /**
   * Registers an action run after every commit of this store that appended to a change log (on the
   * store's writer thread: it must be quick and must not block). The in-process wake-up of the
   * evaluator; other nodes learn of changes through the store's notifications.
   */
  void addChangeListener(Runnable listener);
}
