package dev.weft.server.api.assets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.BackfillDryRun;
import dev.weft.server.http.ApiJson;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of the backfill routes ({@code Backfill*} schemas of the OpenAPI document).
 */
final class BackfillDocuments {
  private BackfillDocuments() {}

  /** {@code BackfillRequest}. */
  record Request(
      String selection, JsonNode partitions, Integer maxConcurrentRuns, Boolean dryRun) {}

  /** {@code BackfillAssetProgress}. */
  record AssetProgress(String assetKey, long partitions, Map<String, Long> counts) {
    static AssetProgress of(BackfillAssetProgress a) {
      return new AssetProgress(a.assetKey(), a.partitions(), BackfillDocuments.counts(a));
    }
  }

  /** {@code Backfill}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Backfill(
      String backfillId,
      String status,
      String selection,
      JsonNode partitions,
      int maxConcurrentRuns,
      String retryOf,
      String workflowId,
      Instant createdAt,
      Instant updatedAt,
      Instant endedAt,
      List<AssetProgress> assets,
      Map<String, Long> totals,
      double throughputPerSecond,
      Double remainingSeconds) {

    static Backfill of(BackfillRecord r, Instant now) {
      long p = 0, m = 0, f = 0, i = 0, s = 0;
      for (BackfillAssetProgress a : r.assets()) {
        p += a.partitions();
        m += a.materialized();
        f += a.failed();
        i += a.inProgress();
        s += a.skipped();
      }
      BackfillAssetProgress sum = new BackfillAssetProgress("totals", p, m, f, i, s);
      Map<String, Long> totals = new LinkedHashMap<>();
      totals.put("partitions", p);
      totals.putAll(counts(sum));
      Instant until = r.endedAt() != null ? r.endedAt() : now;
      double seconds = Math.max(0.001, Duration.between(r.createdAt(), until).toMillis() / 1000.0);
      double throughput = (m + f + s) / seconds;
      long left = sum.pending() + i;
      Double remaining =
          r.endedAt() != null ? Double.valueOf(0) : throughput > 0 ? left / throughput : null;
      JsonNode partitions;
      try {
        partitions = ApiJson.MAPPER.readTree(r.partitionsJson());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("backfill " + r.backfillId() + ": partitions not JSON", e);
      }
      return new Backfill(
          r.backfillId(),
          r.status().name(),
          r.selection(),
          partitions,
          r.maxConcurrentRuns(),
          r.retryOf(),
          r.workflowId(),
          r.createdAt(),
          r.updatedAt(),
          r.endedAt(),
          r.assets().stream().map(AssetProgress::of).toList(),
          totals,
          Math.round(throughput * 10) / 10.0,
          remaining == null ? null : Math.round(remaining * 10) / 10.0);
    }
  }

  /** {@code BackfillPage}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Page(List<Backfill> backfills, String nextPageToken) {}

  /** {@code BackfillFailedRange}. */
  record FailedRange(String assetKey, String from, String to, long partitions, String error) {
    static FailedRange of(BackfillChunk c) {
      return new FailedRange(c.assetKey(), c.fromKey(), c.toKey(), c.partitions(), c.error());
    }
  }

  /** {@code BackfillFailedPage}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record FailedPage(List<FailedRange> failed, String nextPageToken) {}

  /** {@code BackfillDryRunAsset}. */
  record DryRunAsset(String assetKey, long partitions, long runs) {}

  /** {@code BackfillDryRun}. */
  record DryRun(
      boolean dryRun, String selection, List<DryRunAsset> assets, long partitions, long runs) {
    static DryRun of(BackfillDryRun d) {
      return new DryRun(
          true,
          d.selection(),
          d.assets().stream()
              .map(a -> new DryRunAsset(a.assetKey(), a.partitions(), a.runs()))
              .toList(),
          d.partitions(),
          d.runs());
    }
  }

  private static Map<String, Long> counts(BackfillAssetProgress a) {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("MATERIALIZED", a.materialized());
    c.put("FAILED", a.failed());
    c.put("IN_PROGRESS", a.inProgress());
    c.put("PENDING", a.pending());
    c.put("SKIPPED", a.skipped());
    return c;
  }
}
