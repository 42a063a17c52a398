package dev.weft.store.assets.automation;

import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a namespace's change log ({@code asset_changes}), appended in the transaction of the
 * catalog write that made the change. Sequence numbers grow with commit order within a namespace
 * (its catalog writes are serialized), so a reader that remembers the last one it handled misses
 * nothing.
 *
 * @param seq the entry's sequence number, unique in the store
 * @param assetKey the asset that changed
 * @param partition the partition (for a partition change: its partitions as people read them);
 *     {@code ""} for an unpartitioned asset
 * @param kind what changed
 * @param runId the run that caused it (a materialization's); null for none
 * @param at when it changed
 * @param partitions the partition indexes it touched; null for a change of an unpartitioned asset
 */
public record AssetChangeRecord(
    long seq,
    String assetKey,
    String partition,
    AssetChangeKind kind,
    String runId,
    Instant at,
    IndexRangeSet partitions) {

  /** A change of an unpartitioned asset. */
  public AssetChangeRecord(
      long seq, String assetKey, String partition, AssetChangeKind kind, String runId, Instant at) {
    this(seq, assetKey, partition, kind, runId, at, null);
  }

  /** Validates the record. */
  public AssetChangeRecord {
    Objects.requireNonNull(assetKey, "assetKey");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }
}
