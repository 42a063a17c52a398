package dev.weft.assets;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One asset of an {@link AssetGraph}: its spec, kind, direct upstream assets (inputs and deps) and
 * the definition that produces it.
 *
 * @param spec the asset
 * @param kind computed or observed
 * @param upstream the assets it reads or depends on, in declaration order
 * @param definition the definition producing it (shared by the outputs of a multi-asset)
 */
public record AssetNode(
    AssetSpec spec, AssetKind kind, Set<AssetKey> upstream, AssetsDefinition definition) {

  /** Copies the upstream set. */
  public AssetNode {
    upstream = Collections.unmodifiableSet(new LinkedHashSet<>(upstream));
  }

  /** Returns the asset's partitions (every output of a multi-asset shares its definition's). */
  public dev.weft.assets.partitions.PartitionsDefinition partitions() {
    return definition.partitioning().definition();
  }

  /** Returns the asset's key. */
  public AssetKey key() {
    return spec.key();
  }
}
