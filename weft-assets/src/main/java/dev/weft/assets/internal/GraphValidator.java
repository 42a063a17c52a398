package dev.weft.assets.internal;

import dev.weft.assets.AssetInput;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.AssetSpec;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.InvalidAssetGraphException;
import dev.weft.assets.InvalidAssetGraphException.Kind;
import dev.weft.assets.InvalidAssetGraphException.Problem;
import dev.weft.assets.MultiAssetDefinition;
import dev.weft.assets.ObservableSourceAsset;
import dev.weft.assets.UnknownAssetException;
import dev.weft.assets.partitions.TimeWindowPartitions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the nodes of a graph and refuses it with every problem found. */
public final class GraphValidator {
  private GraphValidator() {}

  /**
   * Returns the nodes by key, sorted by key.
   *
   * @throws InvalidAssetGraphException listing every problem
   */
  public static Map<AssetKey, AssetNode> validate(List<AssetsDefinition> definitions) {
    List<Problem> problems = new ArrayList<>();
    Map<AssetKey, AssetNode> nodes = new TreeMap<>();
    Map<AssetKey, String> producer = new HashMap<>();
    Map<String, AssetsDefinition> names = new HashMap<>();
    for (AssetsDefinition def : definitions) {
      AssetsDefinition sameName = names.putIfAbsent(def.name(), def);
      if (sameName != null
          && (sameName instanceof MultiAssetDefinition || def instanceof MultiAssetDefinition)) {
        problems.add(
            new Problem(
                Kind.DUPLICATE_KEY,
                def.specs().stream().map(AssetSpec::key).toList(),
                "duplicate definition name: two definitions are named " + def.name()));
      }
      Set<AssetKey> upstream = new LinkedHashSet<>();
      def.inputs().forEach(i -> upstream.add(i.key()));
      upstream.addAll(def.deps());
      for (AssetSpec spec : def.specs()) {
        checkFreshness(def, spec, problems);
        String previous = producer.putIfAbsent(spec.key(), def.name());
        if (previous != null) {
          problems.add(
              new Problem(
                  Kind.DUPLICATE_KEY,
                  List.of(spec.key()),
                  "duplicate key: "
                      + spec.key()
                      + " is produced by both "
                      + previous
                      + " and "
                      + def.name()));
          continue;
        }
        nodes.put(spec.key(), new AssetNode(spec, def.kind(), upstream, def));
      }
    }
    for (AssetsDefinition def : definitions) {
      for (AssetInput<?> input : def.inputs()) {
        checkUpstream(def, input.key(), nodes, problems);
        AssetNode up = nodes.get(input.key());
        if (up != null) {
          checkType(def, input, up.spec(), problems);
        }
      }
      def.deps().forEach(dep -> checkUpstream(def, dep, nodes, problems));
    }
    for (AssetNode node : nodes.values()) {
      checkAutomation(node, nodes, problems);
    }
    if (problems.isEmpty()) {
      PartitionEdges.resolve(nodes, problems);
    }
    if (problems.isEmpty()) {
      new CycleFinder(nodes)
          .firstCycle()
          .ifPresent(
              cycle ->
                  problems.add(
                      new Problem(
                          Kind.CYCLE,
                          cycle,
                          "cycle: "
                              + String.join(" -> ", cycle.stream().map(AssetKey::path).toList()))));
    }
    if (!problems.isEmpty()) {
      throw new InvalidAssetGraphException(problems);
    }
    return nodes;
  }

  /**
   * A freshness policy is for computed assets; a partition deadline needs time-window partitions
   * (the refusal names the definition the asset has instead).
   */
  private static void checkFreshness(AssetsDefinition def, AssetSpec spec, List<Problem> problems) {
    FreshnessPolicy policy = spec.freshnessPolicy();
    if (policy == null) {
      return;
    }
    String why =
        def instanceof ObservableSourceAsset
            ? "an observable source has no materializations to be fresh"
            : policy instanceof FreshnessPolicy.PartitionDeadline
                    && !(def.partitioning().definition() instanceof TimeWindowPartitions)
                ? "a partition deadline needs a time-partitioned asset (hourly, daily, weekly or"
                    + " monthly time windows), its partitions are "
                    + def.partitioning().definition()
                : null;
    if (why != null) {
      problems.add(
          new Problem(
              Kind.FRESHNESS_POLICY,
              List.of(spec.key()),
              "asset " + spec.key() + ": freshness policy " + policy + " refused: " + why));
    }
  }

  /** Refuses automation conditions naming keys outside the graph or the asset's upstreams. */
  private static void checkAutomation(
      AssetNode node, Map<AssetKey, AssetNode> nodes, List<Problem> problems) {
    if (node.spec().automation() == null) {
      return;
    }
    for (AssetKey named : node.spec().automation().namedKeys()) {
      if (!nodes.containsKey(named)) {
        problems.add(
            new Problem(
                Kind.UNKNOWN_AUTOMATION_KEY,
                List.of(node.key(), named),
                "automation condition of "
                    + node.key()
                    + " ("
                    + node.spec().automation()
                    + ") names "
                    + UnknownAssetException.of(List.of(named), nodes.keySet()).getMessage()));
      } else if (!node.upstream().contains(named)) {
        problems.add(
            new Problem(
                Kind.UNKNOWN_AUTOMATION_KEY,
                List.of(node.key(), named),
                "automation condition of "
                    + node.key()
                    + " ("
                    + node.spec().automation()
                    + ") names "
                    + named
                    + ", which is not one of its upstreams "
                    + node.upstream()));
      }
    }
  }

  private static void checkUpstream(
      AssetsDefinition def, AssetKey key, Map<AssetKey, AssetNode> nodes, List<Problem> problems) {
    if (!nodes.containsKey(key)) {
      List<AssetKey> keys = new ArrayList<>(def.specs().stream().map(AssetSpec::key).toList());
      keys.add(key);
      problems.add(
          new Problem(
              Kind.UNKNOWN_UPSTREAM,
              keys,
              "unknown upstream: "
                  + def.name()
                  + " names "
                  + key
                  + ", which no definition produces"));
    }
  }

  private static void checkType(
      AssetsDefinition def, AssetInput<?> input, AssetSpec upstream, List<Problem> problems) {
    Class<?> produced = AnnotationReader.boxed(upstream.type());
    if (produced.equals(Void.class)) {
      problems.add(
          new Problem(
              Kind.TYPE_MISMATCH,
              List.of(upstream.key(), def.specs().get(0).key()),
              "type mismatch: "
                  + def.name()
                  + " reads "
                  + upstream.key()
                  + ", which has no loadable value (an observable source: name it in deps)"));
      return;
    }
    if (produced.equals(Object.class) || input.type().isAssignableFrom(produced)) {
      return;
    }
    problems.add(
        new Problem(
            Kind.TYPE_MISMATCH,
            List.of(upstream.key(), def.specs().get(0).key()),
            "type mismatch: "
                + def.name()
                + " reads "
                + upstream.key()
                + " as "
                + input.type().getName()
                + ", but it produces "
                + produced.getName()));
  }
}
