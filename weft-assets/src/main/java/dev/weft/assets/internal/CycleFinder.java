package dev.weft.assets.internal;

import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds a cycle by depth-first search in key order, so the same graph names the same cycle. */
final class CycleFinder {
  private enum Mark {
    ON_PATH,
    DONE
  }

  private final Map<AssetKey, AssetNode> nodes;
  private final Map<AssetKey, Mark> marks = new HashMap<>();
  private final List<AssetKey> path = new ArrayList<>();

  CycleFinder(Map<AssetKey, AssetNode> nodes) {
    this.nodes = nodes;
  }

  /** Returns the first cycle found, in dependency order, its first key repeated at the end. */
  Optional<List<AssetKey>> firstCycle() {
    for (AssetKey key : nodes.keySet()) {
      Optional<List<AssetKey>> cycle = visit(key);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private Optional<List<AssetKey>> visit(AssetKey key) {
    Mark mark = marks.get(key);
    if (mark == Mark.DONE) {
      return Optional.empty();
    }
    if (mark == Mark.ON_PATH) {
      // path runs downstream -> upstream; print it upstream -> downstream
      List<AssetKey> cycle = new ArrayList<>(path.subList(path.indexOf(key), path.size()));
      cycle.add(key);
      return Optional.of(cycle.reversed());
    }
    marks.put(key, Mark.ON_PATH);
    path.add(key);
    for (AssetKey up : nodes.get(key).upstream().stream().sorted().toList()) {
      Optional<List<AssetKey>> cycle = visit(up);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    marks.put(key, Mark.DONE);
    return Optional.empty();
  }
}
