package dev.weft.store.assets.backfills;

import java.time.Instant;
import java.util.List;

/**
 * A backfill as the catalog keeps it: what it runs (a selection over a partition spec), how, its
 * status and its progress per asset (empty until its workflow planned it).
 *
 * @param backfillId its ID ({@code bf-...})
 * @param namespace its namespace
 * @param location the code location whose nodes run it
 * @param selection the asset selection, canonical
 * @param partitionsJson the partitions as JSON: {@code {"from","to"}}, {@code {"keys":[...]}} or
 *     {@code {"ranges":[{"from","to"}...]}} (a retry of ranged chunks)
 * @param maxConcurrentRuns how many compute calls may run at once
 * @param status its status
 * @param retryOf the backfill it retries the failed partitions of, or null
 * @param workflowId its workflow ({@code __weft_backfill:<backfillId>})
 * @param createdAt when it was launched
 * @param updatedAt when its row last changed
 * @param endedAt when it ended, or null
 * @param assets its progress per asset, in plan order
 */
public record BackfillRecord(
    String backfillId,
    String namespace,
    String location,
    String selection,
    String partitionsJson,
    int maxConcurrentRuns,
    BackfillStatus status,
    String retryOf,
    String workflowId,
    Instant createdAt,
    Instant updatedAt,
    Instant endedAt,
    List<BackfillAssetProgress> assets) {

  /** Copies the list. */
  public BackfillRecord {
    assets = List.copyOf(assets);
  }
}
