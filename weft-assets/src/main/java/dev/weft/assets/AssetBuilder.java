package dev.weft.assets;

import dev.weft.assets.automation.AutomationCondition;
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
 * Builds an {@link AssetDefinition}; {@link #compute(AssetCompute)} ends it. Not thread-safe.
 *
 * @param <T> the output type, set with {@link #output(Class)}
 */
public final class AssetBuilder<T> {
  private final AssetSpec.Builder spec;
  private final AssetKey key;
  private final List<AssetInput<?>> inputs = new ArrayList<>();
  private final Set<AssetKey> deps = new LinkedHashSet<>();
  private final List<AssetCheck<?>> checks = new ArrayList<>();
  private ComputeOptions options = ComputeOptions.DEFAULT;
  private Class<?> type = Object.class;
  private AssetPartitioning partitioning = AssetPartitioning.NONE;

  AssetBuilder(AssetKey key) {
    this.key = key;
    this.spec = AssetSpec.builder(key);
  }

  /** Sets the description. */
  public AssetBuilder<T> description(String text) {
    spec.description(text);
    return this;
  }

  /** Sets the group ({@value AssetSpec#DEFAULT_GROUP} unless set). */
  public AssetBuilder<T> group(String name) {
    spec.group(name);
    return this;
  }

  /** Adds owners. */
  public AssetBuilder<T> owners(String... names) {
    spec.owners(names);
    return this;
  }

  /** Adds a tag, selectable with {@code tag:name=value}. */
  public AssetBuilder<T> tag(String name, String value) {
    spec.tag(name, value);
    return this;
  }

  /** Adds a static metadata entry. */
  public AssetBuilder<T> metadata(String name, String value) {
    spec.metadata(name, value);
    return this;
  }

  /** Sets the code version: a change makes a materialized asset stale. */
  public AssetBuilder<T> codeVersion(String version) {
    spec.codeVersion(version);
    return this;
  }

  /**
   * Sets when automation materializes the asset, e.g. {@code AutomationCondition.eager()}; the
   * upstream keys the condition names are checked when the graph is built.
   */
  public AssetBuilder<T> automation(AutomationCondition condition) {
    spec.automation(condition);
    return this;
  }

  /** Sets the IO manager that stores the value ({@value IoManager#DEFAULT} unless set). */
  public AssetBuilder<T> ioManager(String name) {
    spec.ioManager(name);
    return this;
  }

  /** Declares an upstream asset the compute reads as {@code type}. */
  public AssetBuilder<T> input(String path, Class<?> inputType) {
    return input(AssetInput.of(path, inputType));
  }

  /** Declares an upstream asset the compute reads. */
  public AssetBuilder<T> input(AssetInput<?> input) {
    inputs.add(Objects.requireNonNull(input, "input"));
    return this;
  }

  /**
   * Declares an upstream asset the compute reads as {@code inputType}, with the partitions of it
   * each partition of this asset reads.
   */
  public AssetBuilder<T> input(String path, Class<?> inputType, PartitionMapping mapping) {
    return input(AssetInput.of(path, inputType), mapping);
  }

  /** Declares an upstream asset the compute reads, with its partition mapping. */
  public AssetBuilder<T> input(AssetInput<?> input, PartitionMapping mapping) {
    input(input);
    partitioning = partitioning.withMapping(input.key(), mapping);
    return this;
  }

  /** Declares an upstream asset it depends on without reading it, with its partition mapping. */
  public AssetBuilder<T> dep(String path, PartitionMapping mapping) {
    AssetKey dep = AssetKey.of(path);
    deps.add(dep);
    partitioning = partitioning.withMapping(dep, mapping);
    return this;
  }

  /**
   * Partitions the asset (unpartitioned unless set). Inputs without a declared mapping get {@link
   * PartitionMapping#defaultFor}.
   *
   * <pre>{@code
   * Asset.builder("market/trades")
   *     .partitions(TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC))
   *     .compute(ctx -> ...);
   * }</pre>
   */
  public AssetBuilder<T> partitions(PartitionsDefinition definition) {
    partitioning = partitioning.withDefinition(definition);
    return this;
  }

  /**
   * Lets one compute call take a range of up to {@code maxPartitionsPerRun} consecutive partitions
   * (default 1: one partition per call); backfills then run chunks of that size.
   *
   * @throws IllegalArgumentException when {@code maxPartitionsPerRun < 1}
   */
  public AssetBuilder<T> rangedCompute(int maxPartitionsPerRun) {
    partitioning = partitioning.withMaxPartitionsPerRun(maxPartitionsPerRun);
    return this;
  }

  /** Declares upstream assets it depends on without reading them. */
  public AssetBuilder<T> deps(String... paths) {
    for (String path : paths) {
      deps.add(AssetKey.of(path));
    }
    return this;
  }

  /**
   * Sets the output type; checks added afterwards see values of this type.
   *
   * @throws IllegalStateException when checks were added before
   */
  @SuppressWarnings("unchecked")
  public <U> AssetBuilder<U> output(Class<U> outputType) {
    if (!checks.isEmpty()) {
      throw new IllegalStateException("asset " + key + ": set output(...) before adding checks");
    }
    this.type = Objects.requireNonNull(outputType, "outputType");
    return (AssetBuilder<U>) this;
  }

  /** Adds a check run after each materialization. */
  public AssetBuilder<T> check(AssetCheck<? super T> check) {
    checks.add(Objects.requireNonNull(check, "check"));
    return this;
  }

  /**
   * Sets the freshness policy: the catalog records a violation at its deadline, cleared by the next
   * materialization (none unless set).
   */
  public AssetBuilder<T> freshnessPolicy(FreshnessPolicy policy) {
    spec.freshnessPolicy(policy);
    return this;
  }

  /** Sets the retry policy of the compute (default: one attempt). */
  public AssetBuilder<T> retryPolicy(RetryPolicy policy) {
    options = options.withRetryPolicy(policy);
    return this;
  }

  /** Sets the time limit of one attempt (default: one hour). */
  public AssetBuilder<T> startToCloseTimeout(Duration timeout) {
    options = options.withStartToCloseTimeout(timeout);
    return this;
  }

  /** Sets the time limit over all attempts (default: none). */
  public AssetBuilder<T> scheduleToCloseTimeout(Duration timeout) {
    options = options.withScheduleToCloseTimeout(timeout);
    return this;
  }

  /**
   * Ends the builder with the compute.
   *
   * @throws IllegalArgumentException naming what is wrong with the definition
   */
  public AssetDefinition compute(AssetCompute<? extends T> compute) {
    spec.type(type);
    checks.forEach(spec::check);
    return new AssetDefinition(spec.build(), inputs, deps, compute, options, partitioning);
  }
}
