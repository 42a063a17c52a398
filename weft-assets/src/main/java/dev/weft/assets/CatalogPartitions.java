package dev.weft.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.weft.assets.internal.Json;
import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.PartitionBucket;
import dev.weft.assets.partitions.PartitionGapPage;
import dev.weft.assets.partitions.PartitionKeyStatus;
import dev.weft.assets.partitions.PartitionSpanPage;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.assets.partitions.PartitionsDefinitions;
import dev.weft.store.Store;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetNodeRecord;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partition status of a namespace's assets for a node that does not host the asset code (the
 * HTTP server): the same reads as {@link AssetPartitions} (counts, status bar, lists, one key,
 * missing gaps) and the dynamic keys, with each asset's definition rebuilt from the catalog's graph
 * ({@code definitionJson.partitions}, see {@link PartitionsDefinitions#fromDescription}).
 * Invalidate needs the partition mappings, which are code: it runs on a node that built {@link
 * Assets}.
 *
 * <pre>{@code
 * CatalogPartitions partitions = new CatalogPartitions(store, "default", Clock.systemUTC());
 * AssetPartitionCounts counts = partitions.counts(AssetKey.of("chain/blocks"));
 * }</pre>
 *
 * <p>The catalog's graph is read once, at the first question, and an asset's definition is rebuilt
 * at the first question about that asset (a request about one asset of a 1,000-asset namespace
 * parses one definition, not 1,000): make one per request. Thread-safe. Every method throws {@link
 * UnknownAssetException} for an asset the catalog's graph does not have and {@link
 * dev.weft.assets.partitions.PartitionKeyException} naming the asset, the key and the definition
 * for a key the definition does not have.
 */
public final class CatalogPartitions {
  private final Store store;
  private final String namespace;
  private final PartitionReads reads;
  private final DynamicKeyWrites dynamic;
  private final IntegerEndWrites integerEnds;
  private final Map<AssetKey, PartitionsDefinition> definitions = new ConcurrentHashMap<>();
  private volatile Map<AssetKey, AssetNodeRecord> nodes;

  /** The partitions of the catalog's assets of {@code namespace} in {@code store}. */
  public CatalogPartitions(Store store, String namespace, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.reads = new PartitionReads(store, namespace, this::definition, clock);
    this.integerEnds = new IntegerEndWrites(store, namespace, clock);
    this.dynamic =
        new DynamicKeyWrites(
            store,
            namespace,
            clock,
            () -> {
              Map<AssetKey, PartitionsDefinition> defs = new LinkedHashMap<>();
              nodes().keySet().forEach(k -> defs.put(k, definition(k)));
              return defs;
            });
  }

  /**
   * Returns the partitions definition of {@code asset} ({@link
   * PartitionsDefinition#unpartitioned()} for an unpartitioned one).
   *
   * @throws UnknownAssetException naming the key when the catalog's graph lacks it
   */
  public PartitionsDefinition definition(AssetKey asset) {
    AssetNodeRecord node = node(asset);
    return definitions.computeIfAbsent(asset, k -> parse(node));
  }

  /** Returns the code location that defines {@code asset} (whose nodes run its computes). */
  public String location(AssetKey asset) {
    return node(asset).location();
  }

  /** See {@link AssetPartitions#counts}. */
  public AssetPartitionCounts counts(AssetKey asset) {
    return reads.counts(asset);
  }

  /** Returns the key of the first partition that exists now; empty when none does. */
  public Optional<String> firstKey(AssetKey asset) {
    return reads.boundKey(asset, true);
  }

  /** Returns the key of the last partition that exists now; empty when none does. */
  public Optional<String> lastKey(AssetKey asset) {
    return reads.boundKey(asset, false);
  }

  /** See {@link AssetPartitions#bar}. */
  public List<PartitionBucket> bar(AssetKey asset, String from, String to, int buckets) {
    return reads.bar(asset, from, to, buckets);
  }

  /** See {@link AssetPartitions#list}. */
  public PartitionSpanPage list(
      AssetKey asset, AssetPartitionStatus status, String pageToken, int limit) {
    return reads.list(asset, status, pageToken, limit);
  }

  /** See {@link AssetPartitions#missing}. */
  public PartitionGapPage missing(AssetKey asset, String pageToken, int limit) {
    return reads.gaps(asset, pageToken, limit);
  }

  /** See {@link AssetPartitions#status}. */
  public PartitionKeyStatus status(AssetKey asset, String key) {
    return reads.status(asset, key);
  }

  /**
   * Returns the indexes of the keys {@code from} to {@code to} (both included) of {@code asset}:
   * checks a selection before it is sent to a node hosting the code.
   */
  public IndexRangeSet range(AssetKey asset, String from, String to) {
    return reads.range(asset, from, to, reads.context());
  }

  /** Returns the indexes of {@code keys} of {@code asset}, checking each. */
  public IndexRangeSet keys(AssetKey asset, Collection<String> keys) {
    PartitionsContext ctx = reads.context();
    return reads.keys(asset, keys, ctx);
  }

  /** See {@link AssetPartitions#addDynamicPartitions}. */
  public Map<String, Long> addDynamicPartitions(String name, List<String> keys) {
    return dynamic.add(name, keys);
  }

  /**
   * Removes keys from the dynamic partitions {@code name} and their status from every asset of the
   * catalog's graph partitioned by it; see {@link AssetPartitions#removeDynamicPartitions}.
   */
  public void removeDynamicPartitions(String name, List<String> keys) {
    dynamic.remove(name, keys);
  }

  /** See {@link AssetPartitions#advanceIntegerEnd}. */
  public IntegerPartitionEnd advanceIntegerEnd(String name, long endExclusive) {
    return integerEnds.advance(name, endExclusive);
  }

  /** See {@link AssetPartitions#integerEnd}. */
  public Optional<IntegerPartitionEnd> integerEnd(String name) {
    return integerEnds.current(name);
  }

  /** See {@link AssetPartitions#dynamicPartitions}. */
  public DynamicPartitionPage dynamicPartitions(String name, String pageToken, int limit) {
    return reads.dynamicPartitions(name, pageToken, limit);
  }

  private AssetNodeRecord node(AssetKey asset) {
    AssetNodeRecord node = nodes().get(asset);
    if (node == null) {
      throw UnknownAssetException.of(List.of(asset), nodes().keySet());
    }
    return node;
  }

  private Map<AssetKey, AssetNodeRecord> nodes() {
    Map<AssetKey, AssetNodeRecord> read = nodes;
    if (read == null) {
      read = new LinkedHashMap<>();
      for (AssetNodeRecord r : store.extension(AssetCatalog.class).graph(namespace)) {
        read.put(AssetKey.of(r.assetKey()), r);
      }
      nodes = read;
    }
    return read;
  }

  private static PartitionsDefinition parse(AssetNodeRecord r) {
    if (r.definitionJson() == null) {
      return PartitionsDefinition.unpartitioned();
    }
    Map<String, Object> json;
    try {
      json = Json.mapper().readValue(r.definitionJson(), new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "asset " + r.assetKey() + ": the catalog's definitionJson is not JSON", e);
    }
    if (!(json.get("partitions") instanceof Map<?, ?> partitions)) {
      return PartitionsDefinition.unpartitioned();
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> description = (Map<String, ?>) partitions;
    try {
      return PartitionsDefinitions.fromDescription(description);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "asset " + r.assetKey() + ": the catalog's partitions cannot be read: " + e.getMessage(),
          e);
    }
  }
}
