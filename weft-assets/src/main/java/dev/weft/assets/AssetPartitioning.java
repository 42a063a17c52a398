package dev.weft.assets;

import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.assets.partitions.PartitionsDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a definition's assets are partitioned: the {@link PartitionsDefinition} (every output of a
 * multi-asset shares it), the {@link PartitionMapping} declared per upstream asset (an upstream
 * without one gets {@link PartitionMapping#defaultFor}), and how many partitions one compute call
 * may take ({@code maxPartitionsPerRun}, 1 unless the asset declares {@code rangedCompute}).
 *
 * @param definition the partitions ({@link PartitionsDefinition#unpartitioned()} by default)
 * @param mappings the declared mappings by upstream asset
 * @param maxPartitionsPerRun the most partitions one compute call takes, at least 1
 */
public record AssetPartitioning(
    PartitionsDefinition definition,
    Map<AssetKey, PartitionMapping> mappings,
    int maxPartitionsPerRun) {

  /** An unpartitioned asset with no declared mapping. */
  public static final AssetPartitioning NONE =
      new AssetPartitioning(PartitionsDefinition.unpartitioned(), Map.of(), 1);

  /**
   * Validates the partitioning.
   *
   * @throws IllegalArgumentException when {@code maxPartitionsPerRun} is below 1, or above 1 for an
   *     unpartitioned asset
   */
  public AssetPartitioning {
    Objects.requireNonNull(definition, "AssetPartitioning.definition");
    mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
    if (maxPartitionsPerRun < 1) {
      throw new IllegalArgumentException(
          "rangedCompute(" + maxPartitionsPerRun + "): expected at least 1 partition per run");
    }
    if (maxPartitionsPerRun > 1 && definition == PartitionsDefinition.unpartitioned()) {
      throw new IllegalArgumentException(
          "rangedCompute(" + maxPartitionsPerRun + ") needs partitions(...): the asset has none");
    }
  }

  /** Returns whether the asset has partitions. */
  public boolean partitioned() {
    return definition != PartitionsDefinition.unpartitioned();
  }

  /** Returns the mapping declared for {@code upstream}, if any. */
  public Optional<PartitionMapping> declaredMapping(AssetKey upstream) {
    return Optional.ofNullable(mappings.get(upstream));
  }

  AssetPartitioning withDefinition(PartitionsDefinition partitions) {
    return new AssetPartitioning(
        Objects.requireNonNull(partitions, "partitions"), mappings, maxPartitionsPerRun);
  }

  AssetPartitioning withMapping(AssetKey upstream, PartitionMapping mapping) {
    Map<AssetKey, PartitionMapping> copy = new LinkedHashMap<>(mappings);
    copy.put(upstream, Objects.requireNonNull(mapping, "mapping of " + upstream));
    return new AssetPartitioning(definition, copy, maxPartitionsPerRun);
  }

  AssetPartitioning withMaxPartitionsPerRun(int max) {
    return new AssetPartitioning(definition, mappings, max);
  }

  void requireMappedUpstreams(String name, java.util.Collection<AssetKey> upstream) {
    for (AssetKey key : mappings.keySet()) {
      if (!upstream.contains(key)) {
        throw new IllegalArgumentException(
            name + ": a partition mapping names " + key + ", which is neither an input nor a dep");
      }
    }
    if (maxPartitionsPerRun > 1 && !partitioned()) {
      throw new IllegalArgumentException(name + ": rangedCompute needs partitions(...)");
    }
  }
}
