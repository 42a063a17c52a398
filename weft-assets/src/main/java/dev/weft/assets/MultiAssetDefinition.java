package dev.weft.assets;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One compute producing several assets, each its own key (its own spec, IO manager, checks). They
 * materialize together: selecting one output runs the compute and records every output. Built with
 * {@link Asset#multi(String)}.
 *
 * @param name the multi-asset's name, unique among definitions
 * @param outputs the assets it produces, at least one
 * @param inputs the upstream assets read as data
 * @param deps the upstream assets it depends on without reading them
 * @param compute the compute, returning one value per output
 * @param options its retry policy and timeouts
 * @param partitioning the partitions every output shares, and the mappings of its upstream assets
 */
public record MultiAssetDefinition(
    String name,
    List<AssetSpec> outputs,
    List<AssetInput<?>> inputs,
    Set<AssetKey> deps,
    MultiAssetCompute compute,
    ComputeOptions options,
    AssetPartitioning partitioning)
    implements AssetsDefinition {

  /**
   * Validates the definition.
   *
   * @throws IllegalArgumentException naming a bad name, no output, an output or input declared
   *     twice, or an output read by the multi-asset itself
   */
  public MultiAssetDefinition {
    DefinitionRules.requireName(name);
    Objects.requireNonNull(compute, "compute of multi-asset " + name);
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("multi-asset " + name + " needs at least one output");
    }
    inputs = List.copyOf(inputs);
    deps = Collections.unmodifiableSet(new LinkedHashSet<>(deps));
    options = options == null ? ComputeOptions.DEFAULT : options;
    DefinitionRules.requireUpstreams("multi-asset " + name, outputs, inputs, deps);
    partitioning = partitioning == null ? AssetPartitioning.NONE : partitioning;
    DefinitionRules.requireMapped("multi-asset " + name, partitioning, inputs, deps);
  }

  /** A definition without partitions. */
  public MultiAssetDefinition(
      String name,
      List<AssetSpec> outputs,
      List<AssetInput<?>> inputs,
      Set<AssetKey> deps,
      MultiAssetCompute compute,
      ComputeOptions options) {
    this(name, outputs, inputs, deps, compute, options, AssetPartitioning.NONE);
  }

  @Override
  public List<AssetSpec> specs() {
    return outputs;
  }

  @Override
  public AssetKind kind() {
    return AssetKind.COMPUTED;
  }
}
