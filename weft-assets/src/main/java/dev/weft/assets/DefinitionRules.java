package dev.weft.assets;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks every kind of definition shares: upstream keys are distinct and not its own. */
final class DefinitionRules {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_/]+");

  private DefinitionRules() {}

  static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "multi-asset name '" + name + "' must match [A-Za-z0-9_/]+");
    }
  }

  static void requireMapped(
      String name, AssetPartitioning partitioning, List<AssetInput<?>> inputs, Set<AssetKey> deps) {
    Set<AssetKey> upstream = new HashSet<>(deps);
    inputs.forEach(i -> upstream.add(i.key()));
    partitioning.requireMappedUpstreams(name, upstream);
  }

  static void requireUpstreams(
      String name, List<AssetSpec> outputs, List<AssetInput<?>> inputs, Set<AssetKey> deps) {
    Set<AssetKey> own = new HashSet<>();
    for (AssetSpec spec : outputs) {
      if (!own.add(spec.key())) {
        throw new IllegalArgumentException(name + ": output " + spec.key() + " is declared twice");
      }
    }
    Set<AssetKey> read = new HashSet<>();
    for (AssetInput<?> input : inputs) {
      if (!read.add(input.key())) {
        throw new IllegalArgumentException(name + ": input " + input.key() + " is declared twice");
      }
      if (own.contains(input.key())) {
        throw new IllegalArgumentException(name + ": reads its own output " + input.key());
      }
    }
    for (AssetKey dep : deps) {
      if (own.contains(dep)) {
        throw new IllegalArgumentException(name + ": depends on its own output " + dep);
      }
    }
  }
}
