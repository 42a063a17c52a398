package dev.weft.assets;

import dev.weft.assets.internal.CatalogPartitionsContext;
import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.PartitionBucket;
import dev.weft.assets.partitions.PartitionGapPage;
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
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.StatusBar;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The partition reads shared by {@link AssetPartitions} (definitions from the code's graph) and
 * {@link CatalogPartitions} (definitions rebuilt from the catalog): the catalog's ranges of indexes
 * translated to keys with whatever definition {@code definitions} gives for an asset.
 */
final class PartitionReads {
  private static final String GAP_TOKEN = "gap:";

  private final Store store;
  private final String namespace;
  private final Function<AssetKey, PartitionsDefinition> definitions;
  private final Clock clock;

  PartitionReads(
      Store store,
      String namespace,
      Function<AssetKey, PartitionsDefinition> definitions,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.definitions = Objects.requireNonNull(definitions, "definitions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  PartitionsDefinition definition(AssetKey asset) {
    return definitions.apply(asset);
  }

  AssetPartitionCounts counts(AssetKey asset) {
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

  /** The key of the first (or last) partition that exists now; empty when none does. */
  Optional<String> boundKey(AssetKey asset, boolean first) {
    PartitionsDefinition def = definition(asset);
    PartitionsContext ctx = context();
    IndexRangeSet valid = def.validIndexes(ctx);
    if (valid.isEmpty()) {
      return Optional.empty();
    }
    List<IndexRange> ranges = valid.ranges();
    long index = first ? ranges.get(0).start() : ranges.get(ranges.size() - 1).end() - 1;
    return Optional.ofNullable(keyOrNull(def, index, ctx));
  }

  List<PartitionBucket> bar(AssetKey asset, String from, String to, int buckets) {
    if (buckets < 1 || buckets > AssetPartitions.MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "buckets is " + buckets + ": expected 1.." + AssetPartitions.MAX_BUCKETS);
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

  PartitionSpanPage list(AssetKey asset, AssetPartitionStatus status, String pageToken, int limit) {
    Objects.requireNonNull(status, "status");
    if (status == AssetPartitionStatus.MISSING) {
      throw new IllegalArgumentException(
          "status is MISSING: expected MATERIALIZED, STALE, FAILED or IN_PROGRESS (missing"
              + " partitions are what the status bar and the counts show as missing)");
    }
    requireLimit(limit);
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

  /**
   * A page of the missing partitions that exist now: each gap costs a status read of its first
   * index and one range read per kept status to find where it ends.
   */
  PartitionGapPage gaps(AssetKey asset, String pageToken, int limit) {
    requireLimit(limit);
    long cursor = gapCursor(pageToken);
    PartitionsDefinition def = definition(asset);
    PartitionsContext ctx = context();
    List<PartitionGapPage.Gap> gaps = new ArrayList<>();
    for (IndexRange valid : def.validIndexes(ctx).ranges()) {
      long p = Math.max(cursor, valid.start());
      while (p < valid.end()) {
        if (gaps.size() == limit) {
          return new PartitionGapPage(gaps, GAP_TOKEN + p);
        }
        Optional<PartitionRangeState> kept = reader().status(namespace, asset.path(), p);
        if (kept.isPresent()) {
          p = kept.get().range().end();
          continue;
        }
        long next = valid.end();
        IndexRange rest = new IndexRange(p, valid.end());
        for (PartitionStatus s : PartitionStatus.values()) {
          List<PartitionRangeState> first =
              reader().ranges(namespace, asset.path(), s, rest, null, 1).ranges();
          if (!first.isEmpty()) {
            next = Math.min(next, first.get(0).range().start());
          }
        }
        gaps.add(
            new PartitionGapPage.Gap(
                new IndexRange(p, next), keyOrNull(def, p, ctx), keyOrNull(def, next - 1, ctx)));
        p = next;
      }
    }
    return new PartitionGapPage(gaps, null);
  }

  PartitionKeyStatus status(AssetKey asset, String key) {
    PartitionsDefinition def = definition(asset);
    long index = index(asset, def, key, context());
    Optional<PartitionRangeState> state = reader().status(namespace, asset.path(), index);
    return new PartitionKeyStatus(
        key,
        index,
        state.map(s -> AssetPartitionStatus.of(s.status())).orElse(AssetPartitionStatus.MISSING),
        state.orElse(null));
  }

  /** The indexes from key {@code from} to key {@code to}, both included. */
  IndexRangeSet range(AssetKey asset, String from, String to, PartitionsContext ctx) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return IndexRangeSet.of(window(asset, definition(asset), from, to, ctx));
  }

  /** The indexes of {@code keys}. */
  IndexRangeSet keys(AssetKey asset, Collection<String> keys, PartitionsContext ctx) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "keys (of asset " + asset + ") is empty: expected at least one partition key");
    }
    PartitionsDefinition def = definition(asset);
    List<IndexRange> ranges = new ArrayList<>();
    for (String key : keys) {
      ranges.add(IndexRange.of(index(asset, def, key, ctx)));
    }
    return IndexRangeSet.of(ranges);
  }

  DynamicPartitionPage dynamicPartitions(String name, String pageToken, int limit) {
    return reader().dynamicPartitions(namespace, name, pageToken, limit);
  }

  /** The time, the catalog's dynamic keys and named integer ends of one call. */
  PartitionsContext context() {
    return CatalogPartitionsContext.at(store, namespace, clock.instant());
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

  private static void requireLimit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit is " + limit + ": expected 1..1000");
    }
  }

  private static long gapCursor(String pageToken) {
    if (pageToken == null) {
      return Long.MIN_VALUE;
    }
    if (pageToken.startsWith(GAP_TOKEN)) {
      try {
        return Long.parseLong(pageToken.substring(GAP_TOKEN.length()));
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw new IllegalArgumentException(
        "page token '" + pageToken + "' is malformed: expected a nextPageToken of missing ranges");
  }

  private static boolean endUnknown(PartitionsDefinition def, PartitionsContext ctx) {
    return def instanceof IntegerRangePartitions r
        && r.end().isEmpty()
        && ctx.integerEnd(r.name()).isEmpty();
  }

  private static String keyOrNull(PartitionsDefinition def, long index, PartitionsContext ctx) {
    try {
      return def.key(index, ctx);
    } catch (PartitionKeyException e) {
      return null;
    }
  }

  static long index(AssetKey asset, PartitionsDefinition def, String key, PartitionsContext ctx) {
    return PartitionWrites.index(asset, def, key, ctx);
  }

  private PartitionStatusReader reader() {
    return store.extension(PartitionStatusReader.class);
  }
}
