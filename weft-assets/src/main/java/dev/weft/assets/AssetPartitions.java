package dev.weft.assets;

import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.CatalogDynamicPartitionKeys;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionBucket;
import dev.weft.assets.partitions.PartitionInvalidation;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionKeyStatus;
import dev.weft.assets.partitions.PartitionSpan;
import dev.weft.assets.partitions.PartitionSpanPage;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.store.Store;
import dev.weft.store.assets.partitions.DynamicPartitionPage;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.PartitionCounts;
import dev.weft.store.assets.partitions.PartitionRangePage;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.StatusBar;
import java.time.Clock;
import java.util.ArrayList;
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

  private final Store store;
  private final String namespace;
  private final AssetGraph graph;
  private final Clock clock;
  private final PartitionWrites writes;

  private AssetPartitions(Store store, String namespace, AssetGraph graph, Clock clock) {
    this.store = store;
    this.namespace = namespace;
    this.graph = graph;
    this.clock = clock;
    this.writes = new PartitionWrites(store, namespace, graph, clock);
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
    return graph.node(asset).partitions();
  }

  /**
   * Returns how many partitions of {@code asset} have each status; missing = the partitions that
   * exist now minus those the catalog keeps a status for. A growing integer range whose current end
   * is not known reports its kept counts with {@code sizeKnown} false.
   */
  public AssetPartitionCounts counts(AssetKey asset) {
    PartitionsDefinition def = definition(asset);
    PartitionsContext ctx = context();
    if (endUnknown(def, ctx)) {
      return AssetPartitionCounts.sizeUnknown(reader().counts(namespace, asset.path()));
    }
    IndexRangeSet valid = def.validIndexes(ctx);
    PartitionCounts kept = PartitionCounts.NONE;
    for (IndexRange range : valid.ranges()) {
      PartitionCounts part = reader().counts(namespace, asset.path(), range);
      kept =
          new PartitionCounts(
              kept.materialized() + part.materialized(),
              kept.stale() + part.stale(),
              kept.failed() + part.failed(),
              kept.inProgress() + part.inProgress());
    }
    return AssetPartitionCounts.of(kept, valid.size());
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
    if (buckets < 1 || buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException("buckets is " + buckets + ": expected 1.." + MAX_BUCKETS);
    }
    PartitionsDefinition def = definition(asset);
    PartitionsContext ctx = context();
    IndexRange window = window(asset, def, from, to, ctx);
    IndexRangeSet valid = def.validIndexes(ctx);
    StatusBar bar = reader().bar(namespace, asset.path(), window, buckets);
    List<PartitionBucket> out = new ArrayList<>(bar.buckets().size());
    for (StatusBar.Bucket b : bar.buckets()) {
      long existing = valid.intersect(IndexRangeSet.of(b.range())).size();
      out.add(
          new PartitionBucket(
              b.range(),
              keyOrNull(def, b.range().start(), ctx),
              keyOrNull(def, b.range().end() - 1, ctx),
              AssetPartitionCounts.of(b.counts(), existing)));
    }
    return out;
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
    Objects.requireNonNull(status, "status");
    if (status == AssetPartitionStatus.MISSING) {
      throw new IllegalArgumentException(
          "status is MISSING: expected MATERIALIZED, STALE, FAILED or IN_PROGRESS (missing"
              + " partitions are what the status bar and the counts show as missing)");
    }
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit is " + limit + ": expected 1..1000");
    }
    PartitionsDefinition def = definition(asset);
    PartitionsContext ctx = context();
    PartitionRangePage page =
        reader()
            .ranges(namespace, asset.path(), status.kept(), def.declaredRange(), pageToken, limit);
    List<PartitionSpan> spans = new ArrayList<>(page.ranges().size());
    for (PartitionRangeState s : page.ranges()) {
      spans.add(
          new PartitionSpan(
              keyOrNull(def, s.range().start(), ctx), keyOrNull(def, s.range().end() - 1, ctx), s));
    }
    return new PartitionSpanPage(spans, page.nextPageToken());
  }

  /** Returns the status of the partition {@code key} of {@code asset}. */
  public PartitionKeyStatus status(AssetKey asset, String key) {
    PartitionsDefinition def = definition(asset);
    long index = index(asset, def, key, context());
    Optional<PartitionRangeState> state = reader().status(namespace, asset.path(), index);
    return new PartitionKeyStatus(
        key,
        index,
        state.map(s -> AssetPartitionStatus.of(s.status())).orElse(AssetPartitionStatus.MISSING),
        state.orElse(null));
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
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    PartitionsDefinition def = definition(asset);
    PartitionsContext ctx = context();
    return writes.invalidate(
        asset, IndexRangeSet.of(window(asset, def, from, to, ctx)), reason, ctx);
  }

  /**
   * Marks the partitions {@code keys} of {@code asset} stale and cascades, like {@link
   * #invalidate(AssetKey, String, String, String)}.
   *
   * @throws IllegalArgumentException when {@code keys} is empty
   */
  public PartitionInvalidation invalidate(AssetKey asset, Collection<String> keys, String reason) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "keys (of asset " + asset + ") is empty: expected at least one partition key");
    }
    PartitionsDefinition def = definition(asset);
    PartitionsContext ctx = context();
    List<IndexRange> ranges = new ArrayList<>();
    for (String key : keys) {
      ranges.add(IndexRange.of(index(asset, def, key, ctx)));
    }
    return writes.invalidate(asset, IndexRangeSet.of(ranges), reason, ctx);
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
    PartitionsContext ctx = context();
    Map<Long, String> byIndex = new LinkedHashMap<>();
    versions.forEach((key, version) -> byIndex.put(index(source, def, key, ctx), version));
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

  /** Returns a page of the keys of the dynamic partitions {@code name}, by index. */
  public DynamicPartitionPage dynamicPartitions(String name, String pageToken, int limit) {
    return reader().dynamicPartitions(namespace, name, pageToken, limit);
  }

  private IndexRange window(
      AssetKey asset, PartitionsDefinition def, String from, String to, PartitionsContext ctx) {
    IndexRangeSet valid = def.validIndexes(ctx);
    if ((from == null || to == null) && valid.isEmpty()) {
      throw new PartitionKeyException(
              from == null ? "from" : "to",
              def.toString(),
              endUnknown(def, ctx)
                  ? "the current end of this growing range is not known: give from and to"
                  : "no partition exists now: give from and to")
          .forAsset(asset);
    }
    long lo = from == null ? valid.ranges().get(0).start() : index(asset, def, from, ctx);
    long hi =
        to == null
            ? valid.ranges().get(valid.ranges().size() - 1).end() - 1
            : index(asset, def, to, ctx);
    if (lo > hi) {
      throw new PartitionKeyException(
              from, def.toString(), "from is after to '" + (to == null ? "#" + hi : to) + "'")
          .forAsset(asset);
    }
    return new IndexRange(lo, hi + 1);
  }

  private static boolean endUnknown(PartitionsDefinition def, PartitionsContext ctx) {
    return def instanceof IntegerRangePartitions r
        && r.end().isEmpty()
        && ctx.integerEnd().isEmpty();
  }

  private static String keyOrNull(PartitionsDefinition def, long index, PartitionsContext ctx) {
    try {
      return def.key(index, ctx);
    } catch (PartitionKeyException e) {
      return null;
    }
  }

  private PartitionsContext context() {
    return PartitionsContext.at(clock.instant())
        .withDynamicKeys(new CatalogDynamicPartitionKeys(reader(), namespace));
  }

  private static long index(
      AssetKey asset, PartitionsDefinition def, String key, PartitionsContext ctx) {
    return PartitionWrites.index(asset, def, key, ctx);
  }

  private PartitionStatusReader reader() {
    return store.extension(PartitionStatusReader.class);
  }
}
