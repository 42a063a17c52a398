package dev.weft.assets;

import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.common.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link MultiAssetDefinition}; {@link #compute(MultiAssetCompute)} ends it.
 *
 * <pre>{@code
 * MultiAssetDefinition market = Asset.multi("market_feed")
 *     .output(AssetSpec.builder("market/trades").type(Trades.class).build())
 *     .output("market/prices", Prices.class)
 *     .compute(ctx -> AssetOutputs.of("market/trades", feed.trades())
 *         .and("market/prices", feed.prices()));
 * }</pre>
 */
public final class MultiAssetBuilder {
  private final String name;
  private final List<AssetSpec> outputs = new ArrayList<>();
  private final List<AssetInput<?>> inputs = new ArrayList<>();
  private final Set<AssetKey> deps = new LinkedHashSet<>();
  private ComputeOptions options = ComputeOptions.DEFAULT;
  private AssetPartitioning partitioning = AssetPartitioning.NONE;

  MultiAssetBuilder(String name) {
    DefinitionRules.requireName(name);
    this.name = name;
  }

  /** Adds an output. */
  public MultiAssetBuilder output(AssetSpec spec) {
    outputs.add(Objects.requireNonNull(spec, "spec"));
    return this;
  }

  /** Adds an output of this type with the default spec. */
  public MultiAssetBuilder output(String path, Class<?> type) {
    return output(AssetSpec.builder(path).type(type).build());
  }

  /** Declares an upstream asset the compute reads as {@code type}. */
  public MultiAssetBuilder input(String path, Class<?> type) {
    inputs.add(AssetInput.of(path, type));
    return this;
  }

  /** Declares an upstream asset the compute reads as {@code type}, with its partition mapping. */
  public MultiAssetBuilder input(String path, Class<?> type, PartitionMapping mapping) {
    input(path, type);
    partitioning = partitioning.withMapping(AssetKey.of(path), mapping);
    return this;
  }

  /** Declares an upstream asset it depends on without reading it, with its partition mapping. */
  public MultiAssetBuilder dep(String path, PartitionMapping mapping) {
    deps.add(AssetKey.of(path));
    partitioning = partitioning.withMapping(AssetKey.of(path), mapping);
    return this;
  }

  /** Partitions every output (unpartitioned unless set). */
  public MultiAssetBuilder partitions(PartitionsDefinition definition) {
    partitioning = partitioning.withDefinition(definition);
    return this;
  }

  /** Lets one compute call take up to {@code maxPartitionsPerRun} consecutive partitions. */
  public MultiAssetBuilder rangedCompute(int maxPartitionsPerRun) {
    partitioning = partitioning.withMaxPartitionsPerRun(maxPartitionsPerRun);
    return this;
  }

  /** Declares upstream assets it depends on without reading them. */
  public MultiAssetBuilder deps(String... paths) {
    for (String path : paths) {
      deps.add(AssetKey.of(path));
    }
    return this;
  }

  /** Sets the retry policy of the compute (default: one attempt). */
  public MultiAssetBuilder retryPolicy(RetryPolicy policy) {
    options = options.withRetryPolicy(policy);
    return this;
  }

  /** Sets the time limit of one attempt (default: one hour). */
  public MultiAssetBuilder startToCloseTimeout(Duration timeout) {
    options = options.withStartToCloseTimeout(timeout);
    return this;
  }

  /**
   * Ends the builder with the compute.
   *
   * @throws IllegalArgumentException naming what is wrong with the definition
   */
  public MultiAssetDefinition compute(MultiAssetCompute compute) {
    return new MultiAssetDefinition(name, outputs, inputs, deps, compute, options, partitioning);
  }
}
