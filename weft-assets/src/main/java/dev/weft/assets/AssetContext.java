package dev.weft.assets;

import dev.weft.client.WeftClient;
import org.slf4j.Logger;

/**
 * What a compute (or an observe function) sees of its materialization: which asset, which
 * partition, which run, its inputs, a logger; and what it may add: metadata (row counts) and its
 * own data version.
 *
 * <p>One context per attempt, used by the compute's thread only.
 *
 * <pre>{@code
 * ctx -> {
 *   RawBlocks raw = ctx.input("chain/raw_blocks", RawBlocks.class);
 *   Decoded decoded = decode(raw);
 *   ctx.addMetadata("rows", decoded.size());
 *   return decoded;
 * }
 * }</pre>
 */
public interface AssetContext {

  /** Returns the asset being materialized (for a multi-asset: its first output). */
  AssetKey assetKey();

  /** Returns the partition being materialized; {@code ""} for an unpartitioned asset. */
  String partition();

  /** Returns whether this compute materializes partitions of a partitioned asset. */
  default boolean hasPartitions() {
    return false;
  }

  /**
   * Returns the key of the one partition this compute materializes.
   *
   * @throws IllegalStateException naming the asset when the asset is unpartitioned, or when this is
   *     a ranged run of several partitions (use {@link #partitionKeys()} or {@link
   *     #partitionRange()})
   */
  default String partitionKey() {
    throw new IllegalStateException("asset " + assetKey() + " is not partitioned");
  }

  /**
   * Returns the keys of the partitions this compute materializes, in index order; empty if none.
   */
  default java.util.List<String> partitionKeys() {
    return java.util.List.of();
  }

  /**
   * Returns the indexes of the partitions this compute materializes, half-open {@code [start, end)}
   * within the asset's {@code PartitionsDefinition}.
   *
   * @throws IllegalStateException naming the asset when it is unpartitioned
   */
  default dev.weft.store.assets.partitions.IndexRange partitionRange() {
    throw new IllegalStateException("asset " + assetKey() + " is not partitioned");
  }

  /** Returns the run ID of the materialization workflow this compute runs in. */
  String runId();

  /** Returns a logger named after the asset. */
  Logger log();

  /**
   * Returns the client of the engine running this compute, to start or signal workflows from an
   * asset (for example: start the workflow that publishes a report once it is computed).
   *
   * @throws IllegalStateException when the compute runs outside an engine (a unit test of it)
   */
  WeftClient client();

  /**
   * Returns the value of a declared input.
   *
   * @throws IllegalArgumentException naming the asset and the key when {@code path} is not a
   *     declared input, or when its value is not a {@code type}
   */
  <T> T input(String path, Class<T> type);

  /** Returns the value of a declared input (see {@link #input(String, Class)}). */
  <T> T input(AssetInput<T> input);

  /**
   * Adds a metadata entry to this materialization (for example {@code rows=1200}); for a
   * multi-asset, to every output's.
   */
  void addMetadata(String name, Object value);

  /**
   * Sets the data version of this materialization (for a multi-asset: of every output) instead of
   * the default, the hash of the bytes its IO manager stored.
   */
  void setDataVersion(String version);

  /** Sets the data version of one output of a multi-asset. */
  void setDataVersion(AssetKey output, String version);
}
