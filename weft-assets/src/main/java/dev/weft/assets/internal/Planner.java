package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.ComputeOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns selected keys into the steps of a materialization. */
public final class Planner {
  private Planner() {}

  /**
   * Returns the request materializing {@code selected}: one step per definition producing a
   * selected key (a multi-asset runs whole), in dependency order, each after the plan's steps it
   * reads or depends on.
   */
  public static MaterializeRequest plan(
      String selection, AssetGraph graph, Set<AssetKey> selected) {
    Map<String, AssetsDefinition> byName = new LinkedHashMap<>();
    for (AssetKey key : graph.sorted(selected)) {
      AssetsDefinition def = graph.node(key).definition();
      byName.putIfAbsent(def.name(), def);
    }
    List<PlanStep> steps = new ArrayList<>();
    for (AssetsDefinition def : byName.values()) {
      Set<String> after = new LinkedHashSet<>();
      for (var spec : def.specs()) {
        for (AssetKey up : graph.upstream(spec.key())) {
          String upName = graph.node(up).definition().name();
          if (byName.containsKey(upName) && !upName.equals(def.name())) {
            after.add(upName);
          }
        }
      }
      ComputeOptions o = def.options();
      steps.add(
          new PlanStep(
              def.name(),
              def.specs().stream().map(s -> s.key().path()).toList(),
              List.copyOf(after),
              o.retryPolicy(),
              o.startToCloseTimeout(),
              o.scheduleToCloseTimeout()));
    }
    return new MaterializeRequest(selection, steps);
  }
}
