package dev.weft.server.api.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.CheckResultRecord;
import dev.weft.store.assets.CheckSeverity;
import dev.weft.store.assets.MaterializationEntry;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.StaleReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents of the asset routes ({@code Assets*} schemas of the OpenAPI document). */
final class AssetDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AssetDocuments() {}

  /** {@code AssetsStaleReason}. */
  record Reason(String kind, String upstreamKey, String rootCauseKey, String detail) {
    static Reason of(StaleReason r) {
      return new Reason(r.kind().name(), r.upstreamKey(), r.rootCauseKey(), r.detail());
    }
  }

  /** {@code AssetsMaterialization}. */
  record Materialization(
      String runId,
      String dataVersion,
      String codeVersion,
      Map<String, String> inputDataVersions,
      JsonNode metadata,
      Instant startedAt,
      Instant finishedAt) {
    static Materialization of(MaterializationRecord m) {
      return m == null
          ? null
          : new Materialization(
              m.runId(),
              m.dataVersion(),
              m.codeVersion(),
              m.inputDataVersions(),
              json(m.metadataJson()),
              m.startedAt(),
              m.finishedAt());
    }
  }

  /** {@code AssetsSummary}: one asset of a list, its node and state. */
  record Summary(
      String assetKey,
      String partition,
      String group,
      String kind,
      String status,
      List<Reason> reasons,
      Materialization latestMaterialization,
      String lastFailureMessage,
      Instant lastFailureAt,
      String lastObservedDataVersion,
      Instant updatedAt,
      int definedChecks,
      CheckCounts checks,
      String location) {
    static Summary of(AssetNodeRecord node, AssetStateRecord s, CheckCounts checks) {
      return new Summary(
          s.assetKey(),
          s.partition(),
          node == null ? null : node.group(),
          node == null ? null : node.kind().name(),
          s.status().name(),
          s.reasons().stream().map(Reason::of).toList(),
          Materialization.of(s.current()),
          s.lastFailureMessage(),
          s.lastFailureAt(),
          s.lastObservedDataVersion(),
          s.updatedAt(),
          node == null ? 0 : json(node.definitionJson()).path("checks").size(),
          checks,
          node == null ? null : node.location());
    }
  }

  /**
   * {@code AssetsCheckCounts}: how the latest result of each check of an asset partition fared;
   * {@code passed + failed + warned} is the number of checks with a result, {@code blockingFailed}
   * counts the failed ones that are blocking.
   */
  record CheckCounts(int passed, int failed, int blockingFailed, int warned) {
    static final CheckCounts NONE = new CheckCounts(0, 0, 0, 0);

    static CheckCounts of(List<CheckResultRecord> latest) {
      int passed = 0;
      int failed = 0;
      int blockingFailed = 0;
      int warned = 0;
      for (CheckResultRecord c : latest) {
        if (c.passed()) {
          passed++;
          continue;
        }
        if (c.severity() == CheckSeverity.WARN) {
          warned++;
        } else {
          failed++;
        }
        if (c.blocking()) {
          blockingFailed++;
        }
      }
      return new CheckCounts(passed, failed, blockingFailed, warned);
    }

    /** The counts of every asset partition of the catalog's bulk read, by {@link #slot}. */
    static Map<String, CheckCounts> byAsset(List<CheckResultRecord> all) {
      Map<String, List<CheckResultRecord>> grouped = new HashMap<>();
      for (CheckResultRecord c : all) {
        grouped.computeIfAbsent(slot(c.assetKey(), c.partition()), k -> new ArrayList<>()).add(c);
      }
      Map<String, CheckCounts> counts = new HashMap<>();
      grouped.forEach((slot, checks) -> counts.put(slot, of(checks)));
      return counts;
    }

    static String slot(String assetKey, String partition) {
      return assetKey + "|" + partition; // a key has no "|"
    }
  }

  /** {@code AssetsList}. */
  record SummaryList(List<Summary> assets) {}

  /** {@code AssetsCheckResult}. */
  record CheckResult(
      String checkName,
      String runId,
      boolean passed,
      String severity,
      boolean blocking,
      JsonNode metadata,
      Instant at) {
    static CheckResult of(CheckResultRecord c) {
      return new CheckResult(
          c.checkName(),
          c.runId(),
          c.passed(),
          c.severity().name(),
          c.blocking(),
          json(c.metadataJson()),
          c.at());
    }
  }

  /** {@code AssetsDetail}. */
  record Detail(
      String assetKey,
      String group,
      String kind,
      String codeVersion,
      JsonNode definition,
      Summary state,
      List<String> upstream,
      List<String> downstream,
      List<CheckResult> checks) {}

  /** {@code AssetsHistoryEntry}. */
  record HistoryEntry(
      long id,
      String outcome,
      Instant at,
      Materialization materialization,
      String failureType,
      String failureMessage) {
    static HistoryEntry of(MaterializationEntry e) {
      return new HistoryEntry(
          e.id(),
          e.m() == null ? "FAILED" : "MATERIALIZED",
          e.at(),
          Materialization.of(e.m()),
          e.failureType(),
          e.failureMessage());
    }
  }

  /** {@code AssetsHistory}. */
  record History(List<HistoryEntry> entries, String nextPageToken) {}

  /** {@code AssetsGraphNode}. */
  record GraphNode(String assetKey, String group, String kind, String status) {}

  /** {@code AssetsGraphEdge}: {@code from} is read by (upstream of) {@code to}. */
  record GraphEdge(String from, String to) {}

  /** {@code AssetsGraph}. */
  record Graph(List<GraphNode> nodes, List<GraphEdge> edges) {}

  /** {@code AssetsMaterializeRequest}. */
  record MaterializeRequest(String selection) {}

  /** {@code AssetsMaterializeResponse}. */
  record MaterializeResponse(
      String workflowId, String runId, String selection, List<String> assetKeys) {}

  /** {@code AssetsSelectionPreview}: a selection resolved without starting anything. */
  record SelectionPreview(String selection, List<String> assetKeys) {}

  static JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the catalog holds JSON that does not parse: " + text, e);
    }
  }
}
