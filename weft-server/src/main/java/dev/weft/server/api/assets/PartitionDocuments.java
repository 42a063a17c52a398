package dev.weft.server.api.assets;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.PartitionBucket;
import dev.weft.assets.partitions.PartitionGapPage;
import dev.weft.assets.partitions.PartitionKeyStatus;
import dev.weft.assets.partitions.PartitionSpan;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.partitions.DynamicPartition;
import dev.weft.store.assets.partitions.PartitionRangeState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of the partition routes ({@code Partition*}, {@code Invalidate*} and {@code
 * DynamicPartition*} schemas of the OpenAPI document). Fields the contract allows to be null are
 * written as {@code null}, not left out. A key an index no longer has (a removed dynamic key) is
 * written {@code #index}.
 */
final class PartitionDocuments {
  private PartitionDocuments() {}

  /** {@code PartitionStatusCounts}: all five statuses, always. */
  static Map<String, Long> counts(AssetPartitionCounts c) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (AssetPartitionStatus s : AssetPartitionStatus.values()) {
      out.put(s.name(), c.count(s));
    }
    return out;
  }

  static String key(String key, long index) {
    return key == null ? "#" + index : key;
  }

  /** {@code PartitionSummary}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Summary(
      String assetKey,
      Map<String, Object> definition,
      String description,
      long total,
      Map<String, Long> counts,
      boolean sizeKnown,
      String firstKey,
      String lastKey) {}

  /** {@code PartitionBucket}. */
  record Bucket(String from, String to, long partitions, Map<String, Long> counts) {
    static Bucket of(PartitionBucket b) {
      return new Bucket(
          key(b.firstKey(), b.range().start()),
          key(b.lastKey(), b.range().end() - 1),
          b.range().size(),
          PartitionDocuments.counts(b.counts()));
    }
  }

  /** {@code PartitionBar}. */
  record Bar(String assetKey, String from, String to, long total, List<Bucket> buckets) {}

  /** {@code PartitionRange}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Range(
      String from, String to, long partitions, String status, String dataVersion, String detail) {
    static Range of(PartitionSpan s) {
      PartitionRangeState state = s.state();
      return new Range(
          key(s.firstKey(), state.range().start()),
          key(s.lastKey(), state.range().end() - 1),
          s.size(),
          state.status().name(),
          state.dataVersion(),
          PartitionDocuments.detail(state));
    }

    static Range of(PartitionGapPage.Gap g) {
      return new Range(
          key(g.firstKey(), g.range().start()),
          key(g.lastKey(), g.range().end() - 1),
          g.range().size(),
          AssetPartitionStatus.MISSING.name(),
          null,
          null);
    }
  }

  /** The failure of a failed range, the reasons of a stale one; null otherwise. */
  static String detail(PartitionRangeState state) {
    if (state == null) {
      return null;
    }
    if (state.failure() != null) {
      return state.failure();
    }
    if (!state.reasons().isEmpty()) {
      return String.join("; ", state.reasons().stream().map(StaleReason::detail).toList());
    }
    return null;
  }

  /** {@code PartitionRangePage}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record RangePage(List<Range> ranges, String nextPageToken) {}

  /** {@code PartitionKeyStatus}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record KeyStatus(String assetKey, String key, String status, String dataVersion, String detail) {
    static KeyStatus of(String asset, PartitionKeyStatus s) {
      return new KeyStatus(
          asset,
          s.key(),
          s.status().name(),
          s.state() == null ? null : s.state().dataVersion(),
          PartitionDocuments.detail(s.state()));
    }
  }

  /** {@code InvalidateRequest}. */
  record InvalidateRequest(
      String from, String to, List<String> keys, String reason, Boolean rematerialize) {}

  /** {@code InvalidatedAsset}. */
  record InvalidatedAsset(String assetKey, long partitions) {}

  /** {@code InvalidateMaterialization}. */
  record Materialization(String workflowId, String runId) {}

  /** {@code InvalidateResult}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record InvalidateResult(List<InvalidatedAsset> invalidated, Materialization materialization) {}

  /** {@code DynamicPartitionKey}. */
  record DynamicKey(String key, long index) {
    static DynamicKey of(DynamicPartition p) {
      return new DynamicKey(p.key(), p.index());
    }
  }

  /** {@code DynamicPartitionPage}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record DynamicPage(String name, List<DynamicKey> keys, String nextPageToken) {}

  /** {@code DynamicPartitionsRequest}. */
  record DynamicRequest(List<String> keys) {}

  /** {@code DynamicPartitionsAdded}. */
  record Added(String name, List<DynamicKey> added) {}

  /** {@code DynamicPartitionsRemoved}. */
  record Removed(String name, List<String> removed) {}
}
