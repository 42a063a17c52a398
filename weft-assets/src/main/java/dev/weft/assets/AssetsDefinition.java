package dev.weft.assets;

import java.util.List;
import java.util.Set;

/**
 * One unit of asset code: a single computed asset, a multi-asset, or an observable source. Each
 * produces the assets its {@link #specs()} name; an {@link AssetGraph} is built from a list of
 * them.
 */
public sealed interface AssetsDefinition
    permits AssetDefinition, MultiAssetDefinition, ObservableSourceAsset {

  /** Returns the name of the unit: its key, or a multi-asset's name. */
  String name();

  /** Returns the assets it produces (one, or one per output of a multi-asset). */
  List<AssetSpec> specs();

  /** Returns the upstream assets its compute reads as data. */
  List<AssetInput<?>> inputs();

  /** Returns the upstream assets it depends on without reading them. */
  Set<AssetKey> deps();

  /** Returns how it runs. */
  ComputeOptions options();

  /** Returns whether it is computed or observed. */
  AssetKind kind();

  /** Returns its partitions, declared mappings and partitions per compute call. */
  AssetPartitioning partitioning();
}
