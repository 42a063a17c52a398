package dev.weft.assets.internal;

import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.InvalidAssetGraphException.Kind;
import dev.weft.assets.InvalidAssetGraphException.Problem;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.assets.partitions.PartitionsDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partition mapping of every edge of a graph: the declared one, else the default; a mapping
 * that cannot map between the two definitions, or an edge with neither, is a problem.
 */
public final class PartitionEdges {
  private PartitionEdges() {}

  /**
   * Returns, per downstream asset, the mapping of each of its upstream assets; adds a problem for
   * each edge that cannot map (those edges are left out).
   */
  public static Map<AssetKey, Map<AssetKey, PartitionMapping>> resolve(
      Map<AssetKey, AssetNode> nodes, List<Problem> problems) {
    Map<AssetKey, Map<AssetKey, PartitionMapping>> out = new LinkedHashMap<>();
    for (AssetNode node : nodes.values()) {
      Map<AssetKey, PartitionMapping> edges = new LinkedHashMap<>();
      for (AssetKey upKey : node.upstream()) {
        AssetNode up = nodes.get(upKey);
        if (up == null) {
          continue;
        }
        Optional<PartitionMapping> declared =
            node.definition().partitioning().declaredMapping(upKey);
        PartitionsDefinition from = up.partitions();
        PartitionsDefinition to = node.partitions();
        Optional<PartitionMapping> mapping =
            declared.isPresent() ? declared : PartitionMapping.defaultFor(from, to);
        if (mapping.isEmpty()) {
          problems.add(
              new Problem(
                  Kind.PARTITION_MAPPING,
                  List.of(upKey, node.key()),
                  "no partition mapping: "
                      + node.key()
                      + " ("
                      + to
                      + ") reads "
                      + upKey
                      + " ("
                      + from
                      + ") and there is no default between them; declare one with"
                      + " input(key, type, mapping) or dep(key, mapping)"));
          continue;
        }
        Optional<String> refusal = mapping.get().refusal(from, to);
        if (refusal.isPresent()) {
          problems.add(
              new Problem(
                  Kind.PARTITION_MAPPING,
                  List.of(upKey, node.key()),
                  "partition mapping "
                      + mapping.get().name()
                      + " cannot map "
                      + upKey
                      + " ("
                      + from
                      + ") to "
                      + node.key()
                      + " ("
                      + to
                      + "): "
                      + refusal.get()));
          continue;
        }
        edges.put(upKey, mapping.get());
      }
      out.put(node.key(), Collections.unmodifiableMap(edges));
    }
    return Collections.unmodifiableMap(out);
  }
}
