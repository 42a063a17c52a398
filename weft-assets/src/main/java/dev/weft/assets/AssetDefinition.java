package dev.weft.assets;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A single computed asset: its spec, the upstream assets its compute reads ({@code inputs}) or
 * merely depends on ({@code deps}), the compute and how it runs. Built with {@link
 * Asset#builder(String)} or read from {@link AnnotatedAssets}.
 *
 * @param spec the asset
 * @param inputs the upstream assets read as data, handed to the compute by their IO managers
 * @param deps the upstream assets it depends on without reading them
 * @param compute the compute
 * @param options its retry policy and timeouts
 * @param partitioning its partitions and the mappings of its upstream assets
 */
public record AssetDefinition(
    AssetSpec spec,
    List<AssetInput<?>> inputs,
    Set<AssetKey> deps,
    AssetCompute<?> compute,
    ComputeOptions options,
    AssetPartitioning partitioning)
    implements AssetsDefinition {

  /**
   * Validates the definition.
   *
   * @throws IllegalArgumentException naming an input declared twice, the asset's own key upstream
   *     or a mapping of an asset that is not upstream
   */
  public AssetDefinition {
    Objects.requireNonNull(spec, "AssetDefinition.spec");
    Objects.requireNonNull(compute, "compute of " + spec.key());
    inputs = List.copyOf(inputs);
    deps = Collections.unmodifiableSet(new LinkedHashSet<>(deps));
    options = options == null ? ComputeOptions.DEFAULT : options;
    DefinitionRules.requireUpstreams("asset " + spec.key(), List.of(spec), inputs, deps);
    partitioning = partitioning == null ? AssetPartitioning.NONE : partitioning;
    DefinitionRules.requireMapped("asset " + spec.key(), partitioning, inputs, deps);
  }

  /** A definition without partitions. */
  public AssetDefinition(
      AssetSpec spec,
      List<AssetInput<?>> inputs,
      Set<AssetKey> deps,
      AssetCompute<?> compute,
      ComputeOptions options) {
    this(spec, inputs, deps, compute, options, AssetPartitioning.NONE);
  }

  /** Returns the asset's key. */
  public AssetKey key() {
    return spec.key();
  }

  @Override
  public String name() {
    return spec.key().path();
  }

  @Override
  public List<AssetSpec> specs() {
    return List.of(spec);
  }

  @Override
  public AssetKind kind() {
    return AssetKind.COMPUTED;
  }
}
