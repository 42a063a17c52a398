package dev.weft.assets;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * External data that Weft does not compute but observes: the observe function returns its current
 * {@link DataVersion} (a block hash, a file's checksum). A changed version makes the assets that
 * depend on it stale. Built with {@link Asset#observableSource(String)}.
 *
 * @param spec the asset ({@code type} is {@code Void.class} unless an IO manager can load it)
 * @param observer the observe function
 * @param options its retry policy and timeouts
 * @param partitioning its partitions (observed per partition), no mapping: it has no upstream
 */
public record ObservableSourceAsset(
    AssetSpec spec, AssetObserver observer, ComputeOptions options, AssetPartitioning partitioning)
    implements AssetsDefinition {

  /** Validates the definition. */
  public ObservableSourceAsset {
    Objects.requireNonNull(spec, "ObservableSourceAsset.spec");
    Objects.requireNonNull(observer, "observe function of " + spec.key());
    options = options == null ? ComputeOptions.DEFAULT : options;
    partitioning = partitioning == null ? AssetPartitioning.NONE : partitioning;
    DefinitionRules.requireMapped(
        "observable source " + spec.key(), partitioning, List.of(), Set.of());
  }

  /** A source without partitions. */
  public ObservableSourceAsset(AssetSpec spec, AssetObserver observer, ComputeOptions options) {
    this(spec, observer, options, AssetPartitioning.NONE);
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
  public List<AssetInput<?>> inputs() {
    return List.of();
  }

  @Override
  public Set<AssetKey> deps() {
    return Set.of();
  }

  @Override
  public AssetKind kind() {
    return AssetKind.OBSERVABLE_SOURCE;
  }
}
