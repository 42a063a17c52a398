package dev.weft.assets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.AssetCheck;
import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetNode;
import dev.weft.assets.AssetSpec;
import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog's view of a graph: one node record per asset, its definition as JSON. */
public final class CatalogNodes {
  private static final ObjectMapper JSON = Json.mapper();

  private CatalogNodes() {}

  /** Returns the node records of the graph, in topological order. */
  public static List<AssetNodeRecord> of(AssetGraph graph) {
    List<AssetNodeRecord> nodes = new ArrayList<>();
    for (AssetNode node : graph.nodes()) {
      AssetSpec spec = node.spec();
      nodes.add(
          new AssetNodeRecord(
              spec.key().path(),
              AssetKind.valueOf(node.kind().name()),
              spec.codeVersion(),
              node.upstream().stream().map(k -> k.path()).toList(),
              spec.group(),
              definitionJson(graph, node)));
    }
    return nodes;
  }

  private static String definitionJson(AssetGraph graph, AssetNode node) {
    AssetSpec spec = node.spec();
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("description", spec.description());
    def.put("owners", spec.owners());
    def.put("tags", spec.tags());
    def.put("metadata", spec.metadata());
    def.put("ioManager", spec.ioManager());
    def.put("type", spec.type().getName());
    def.put("definition", node.definition().name());
    def.put("inputs", node.definition().inputs().stream().map(i -> i.key().path()).toList());
    def.put("deps", node.definition().deps().stream().map(k -> k.path()).toList());
    def.put("computeOptions", CatalogComputeOptions.toJson(node.definition().options()));
    List<Map<String, Object>> checks = new ArrayList<>();
    for (AssetCheck<?> c : spec.checks()) {
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("name", c.name());
      check.put("severity", c.severity().name());
      check.put("blocking", c.blocking());
      check.put("description", c.description());
      checks.add(check);
    }
    def.put("checks", checks);
    partitions(graph, node, def);
    if (spec.automation() != null) {
      def.put("automation", spec.automation().toString());
    }
    try {
      return JSON.writeValueAsString(def);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("asset " + spec.key() + ": definition is not JSON", e);
    }
  }

  /**
   * Adds, for a partitioned asset or one reading a partitioned upstream, its partitions ({@code
   * partitions}: the definition's description, {@code null} when unpartitioned), the most
   * partitions one compute call takes ({@code maxPartitionsPerRun}) and each upstream's mapping
   * name ({@code partitionMappings}, declared or default). Unpartitioned graphs keep their JSON.
   */
  private static void partitions(AssetGraph graph, AssetNode node, Map<String, Object> def) {
    boolean partitioned = node.definition().partitioning().partitioned();
    boolean readsPartitioned =
        node.upstream().stream()
            .anyMatch(u -> graph.node(u).definition().partitioning().partitioned());
    if (!partitioned && !readsPartitioned) {
      return;
    }
    def.put("partitions", partitioned ? node.partitions().description() : null);
    def.put("maxPartitionsPerRun", node.definition().partitioning().maxPartitionsPerRun());
    Map<String, String> mappings = new LinkedHashMap<>();
    for (var up : node.upstream()) {
      mappings.put(up.path(), graph.mapping(up, node.key()).name());
    }
    def.put("partitionMappings", mappings);
  }
}
