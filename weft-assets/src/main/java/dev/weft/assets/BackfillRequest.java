package dev.weft.assets;

import java.util.List;
import java.util.Objects;

/**
 * What a backfill runs: an asset selection over partitions (a range or keys; several selections for
 * a retry of ranged chunks), with at most {@code maxConcurrentRuns} compute calls at once.
 *
 * <pre>{@code
 * assets.backfills().launch(
 *     BackfillRequest.of("trades/*", PartitionSelection.range("2024-01-01", "2024-12-31"))
 *         .maxConcurrentRuns(8));
 * }</pre>
 *
 * @param selection the asset selection (see {@link AssetSelection})
 * @param partitions the partitions; their union is backfilled
 * @param maxConcurrentRuns how many compute calls may run at once, at least 1
 */
public record BackfillRequest(
    String selection, List<PartitionSelection> partitions, int maxConcurrentRuns) {
  /** How many compute calls run at once unless told otherwise. */
  public static final int DEFAULT_CONCURRENT_RUNS = 16;

  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException naming the field: a blank selection, no partitions or a {@code
   *     maxConcurrentRuns} below 1
   */
  public BackfillRequest {
    Objects.requireNonNull(selection, "selection");
    if (selection.isBlank()) {
      throw new IllegalArgumentException("selection is blank: expected an asset selection");
    }
    partitions = List.copyOf(Objects.requireNonNull(partitions, "partitions"));
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException("partitions is empty: expected a range or keys");
    }
    if (maxConcurrentRuns < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRuns is " + maxConcurrentRuns + ": expected at least 1");
    }
  }

  /** A backfill of the selection's partitions, {@value #DEFAULT_CONCURRENT_RUNS} runs at once. */
  public static BackfillRequest of(String selection, PartitionSelection partitions) {
    return new BackfillRequest(selection, List.of(partitions), DEFAULT_CONCURRENT_RUNS);
  }

  /** This request with at most {@code n} compute calls at once. */
  public BackfillRequest maxConcurrentRuns(int n) {
    return new BackfillRequest(selection, partitions, n);
  }
}
