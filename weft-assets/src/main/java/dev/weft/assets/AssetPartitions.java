package dev.weft.assets;

import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.PartitionBucket;
import dev.weft.assets.partitions.PartitionGapPage;
import dev.weft.assets.partitions.PartitionInvalidation;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionKeyStatus;
import dev.weft.assets.partitions.PartitionSpanPage;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.Store;
import dev.weft.store.assets.partitions.DynamicPartitionPage;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.IntegerPartitionEnd;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The partition status of the assets of one namespace, read from the catalog and translated to keys
 * with the definitions of an {@link AssetGraph}: counts per status (missing included), the status
 * bar of a key range, the partitions in one status (paged), the status of one key; and the writes:
 * invalidate with cascade, observations of partitioned sources, dynamic keys. Obtained with {@link
 * Assets#partitions()}, or {@link #of} where only a graph and a store are at hand (the HTTP
 * server).
 *
 * <pre>{@code
 * AssetPartitions partitions = assets.partitions();
 * AssetPartitionCounts counts = partitions.counts(AssetKey.of("market/prices"));
 * List<PartitionBucket> bar = partitions.bar(AssetKey.of("market/prices"), "2024-01-01", "2024-12-31", 100);
 * partitions.invalidate(AssetKey.of("market/prices"), "2024-01-05", "2024-01-09", "bad vendor file");
 * }</pre>
 *
 * <p>Each call reads the dynamic keys and the time once (one consistent snapshot per call).
 * Thread-safe. Every method throws {@link UnknownAssetException} for an asset the graph does not
 * have and {@link PartitionKeyException} naming the asset, the key and the definition for a key the
 * definition does not have.
 */
public final class AssetPartitions {
  /** The most buckets a status bar has. */
  public static final int MAX_BUCKETS = 100_000;

  private final PartitionReads reads;
  private final PartitionWrites writes;
  private final IntegerEndWrites integerEnds;

  private AssetPartitions(Store store, String namespace, AssetGraph graph, Clock clock) {
    this.reads = new PartitionReads(store, namespace, key -> graph.node(key).partitions(), clock);
    this.writes = new PartitionWrites(store, namespace, graph, clock);
    this.integerEnds = new IntegerEndWrites(store, namespace, clock);
  }

  /** The partitions of {@code graph}'s assets in {@code namespace} of {@code store}. */
  public static AssetPartitions of(Store store, String namespace, AssetGraph graph, Clock clock) {
    return new AssetPartitions(
        Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(namespace, "namespace"),
        Objects.requireNonNull(graph, "graph"),
        Objects.requireNonNull(clock, "clock"));
  }

  /** Returns the partitions definition of {@code asset}. */
  public PartitionsDefinition definition(AssetKey asset) {
    return reads.definition(asset);
  }

  /**
   * Returns how many partitions of {@code asset} have each status; missing = the partitions that
   * exist now minus those the catalog keeps a status for. A growing integer range whose current end
   * is not known reports its kept counts with {@code sizeKnown} false.
   */
  public AssetPartitionCounts counts(AssetKey asset) {
    return reads.counts(asset);
  }

  /**
   * Returns the status bar of {@code asset} from key {@code from} to key {@code to} (both included;
   * null: the first, the last partition that exists now) in {@code buckets} buckets (fewer when the
   * range holds fewer partitions).
   *
   * @throws PartitionKeyException when {@code from} is after {@code to}, or a bound is null and no
   *     partition exists now
   * @throws IllegalArgumentException when {@code buckets} is not within 1..{@value #MAX_BUCKETS}
   */
  public List<PartitionBucket> bar(AssetKey asset, String from, String to, int buckets) {
    return reads.bar(asset, from, to, buckets);
  }

  /**
   * Returns a page of the partitions of {@code asset} in {@code status} (a kept status: the catalog
   * stores no missing partition), in index order, as spans of consecutive partitions.
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the most spans, 1..1000
   * @throws IllegalArgumentException for {@link AssetPartitionStatus#MISSING}, a bad limit or a
   *     malformed token
   */
  public PartitionSpanPage list(
      AssetKey asset, AssetPartitionStatus status, String pageToken, int limit) {
    return reads.list(asset, status, pageToken, limit);
  }

  /** Returns the status of the partition {@code key} of {@code asset}. */
  public PartitionKeyStatus status(AssetKey asset, String key) {
    return reads.status(asset, key);
  }

  /**
   * Marks partitions {@code from} to {@code to} (both included) of {@code asset} stale where they
   * are materialized, and every partition of every downstream asset the partition mappings reach,
   * in one catalog transaction.
   *
   * @param reason why, kept in the stale reasons (e.g. {@code re-org at 19000015})
   * @throws PartitionKeyException naming asset, key and definition for a key outside the
   *     definition, or when {@code from} is after {@code to}
   */
  public PartitionInvalidation invalidate(AssetKey asset, String from, String to, String reason) {
    PartitionsContext ctx = reads.context();
    return writes.invalidate(asset, reads.range(asset, from, to, ctx), reason, ctx);
  }

  /**
   * Marks the partitions {@code keys} of {@code asset} stale and cascades, like {@link
   * #invalidate(AssetKey, String, String, String)}.
   *
   * @throws IllegalArgumentException when {@code keys} is empty
   */
  public PartitionInvalidation invalidate(AssetKey asset, Collection<String> keys, String reason) {
    PartitionsContext ctx = reads.context();
    return writes.invalidate(asset, reads.keys(asset, keys, ctx), reason, ctx);
  }

  /**
   * Records observed data versions of partitions of the observable source {@code source}: every
   * partition whose stored version differs from the observed one makes exactly its dependents
   * (through the partition mappings) stale, in the same transaction; a concurrent change of the
   * stored versions is retried with a fresh read.
   *
   * @param versions observed data version per partition key
   * @return the partitions whose version changed
   * @throws IllegalStateException when the versions kept moving under five attempts
   */
  public IndexRangeSet recordObservations(AssetKey source, Map<String, String> versions) {
    PartitionsDefinition def = definition(source);
    PartitionsContext ctx = reads.context();
    Map<Long, String> byIndex = new LinkedHashMap<>();
    versions.forEach(
        (key, version) -> byIndex.put(PartitionReads.index(source, def, key, ctx), version));
    return writes.observe(source, byIndex, ctx);
  }

  /**
   * Adds keys to the dynamic partitions {@code name} (a key it has keeps its index).
   *
   * @return the index of each key
   * @throws PartitionKeyException naming a key that is empty or contains {@code |}
   */
  public Map<String, Long> addDynamicPartitions(String name, List<String> keys) {
    return writes.addDynamic(name, keys);
  }

  /**
   * Removes keys from the dynamic partitions {@code name} and their status from every asset of the
   * graph partitioned by it.
   *
   * @throws PartitionKeyException naming a key the definition does not have
   * @throws IllegalStateException naming the key, the asset and the run when a run is materializing
   *     one of them; nothing is removed then
   */
  public void removeDynamicPartitions(String name, List<String> keys) {
    writes.removeDynamic(name, keys);
  }

  /**
   * Moves the current end of the named growing integer range {@code name} ({@link
   * dev.weft.assets.partitions.IntegerRangePartitions#named}) to {@code endExclusive}, for example
   * the chain head + 1 once a block appeared: the status bar, counts (missing partitions up to the
   * end), ranges and backfills of every asset partitioned by it then see partitions up to it. The
   * same end again changes nothing.
   *
   * <pre>{@code
   * assets.partitions().advanceIntegerEnd("chain", head + 1);
   * }</pre>
   *
   * @return the recorded end
   * @throws IllegalArgumentException naming the value when the name is not {@code [A-Za-z0-9_]+} or
   *     the end negative
   * @throws IllegalStateException naming the range, its current end and the value when the end is
   *     before the recorded one (an end never moves backwards)
   */
  public IntegerPartitionEnd advanceIntegerEnd(String name, long endExclusive) {
    return integerEnds.advance(name, endExclusive);
  }

  /** Returns the recorded current end of the named growing integer range, if one was recorded. */
  public Optional<IntegerPartitionEnd> integerEnd(String name) {
    return integerEnds.current(name);
  }

  /** Returns a page of the keys of the dynamic partitions {@code name}, by index. */
  public DynamicPartitionPage dynamicPartitions(String name, String pageToken, int limit) {
    return reads.dynamicPartitions(name, pageToken, limit);
  }

  /**
   * Returns a page of the missing partitions of {@code asset} (the partitions that exist now and no
   * stored range covers), as gaps of consecutive partitions in index order.
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the most gaps, 1..1000
   * @throws IllegalArgumentException for a bad limit or a malformed token
   */
  public PartitionGapPage missing(AssetKey asset, String pageToken, int limit) {
    return reads.gaps(asset, pageToken, limit);
  }
}
