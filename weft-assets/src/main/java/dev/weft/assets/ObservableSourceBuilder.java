package dev.weft.assets;

import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.common.RetryPolicy;
import java.time.Duration;

/**
 * Builds an {@link ObservableSourceAsset}; {@link #observe(AssetObserver)} ends it.
 *
 * <pre>{@code
 * ObservableSourceAsset head = Asset.observableSource("chain/head")
 *     .group("chain")
 *     .observe(ctx -> DataVersion.of(chain.headHash()));
 * }</pre>
 */
public final class ObservableSourceBuilder {
  private final AssetSpec.Builder spec;
  private ComputeOptions options = ComputeOptions.DEFAULT;
  private AssetPartitioning partitioning = AssetPartitioning.NONE;

  ObservableSourceBuilder(AssetKey key) {
    this.spec = AssetSpec.builder(key).type(Void.class);
  }

  /** Sets the description. */
  public ObservableSourceBuilder description(String text) {
    spec.description(text);
    return this;
  }

  /** Sets the group. */
  public ObservableSourceBuilder group(String name) {
    spec.group(name);
    return this;
  }

  /** Adds owners. */
  public ObservableSourceBuilder owners(String... names) {
    spec.owners(names);
    return this;
  }

  /** Adds a tag. */
  public ObservableSourceBuilder tag(String name, String value) {
    spec.tag(name, value);
    return this;
  }

  /** Adds a static metadata entry. */
  public ObservableSourceBuilder metadata(String name, String value) {
    spec.metadata(name, value);
    return this;
  }

  /**
   * Declares that its IO manager can load the data as {@code type}, so computes may read it as an
   * input (without this, assets may only {@code deps} on it).
   */
  public ObservableSourceBuilder loadableAs(Class<?> type, String ioManager) {
    spec.type(type).ioManager(ioManager);
    return this;
  }

  /** Sets the retry policy of the observe function (default: one attempt). */
  public ObservableSourceBuilder retryPolicy(RetryPolicy policy) {
    options = options.withRetryPolicy(policy);
    return this;
  }

  /** Sets the time limit of one observation (default: one hour). */
  public ObservableSourceBuilder startToCloseTimeout(Duration timeout) {
    options = options.withStartToCloseTimeout(timeout);
    return this;
  }

  /** Partitions the source: it is observed per partition (a block's hash per block number). */
  public ObservableSourceBuilder partitions(PartitionsDefinition definition) {
    partitioning = partitioning.withDefinition(definition);
    return this;
  }

  /** Ends the builder with the observe function. */
  public ObservableSourceAsset observe(AssetObserver observer) {
    return new ObservableSourceAsset(spec.build(), observer, options, partitioning);
  }
}
