package dev.weft.client;

import java.time.Instant;
import java.util.List;

/**
 * What {@link WeftClient#describeBatchOperation} and {@link WeftClient#listBatchOperations} answer:
 * the operation, where it is, and its progress (Temporal's {@code DescribeBatchOperation}).
 *
 * @param jobId the batch's ID
 * @param type what it does to each run
 * @param state where it is
 * @param query the list query choosing the runs
 * @param reason why it was started
 * @param startTime when it started
 * @param closeTime when it ended, or {@code null} while it runs
 * @param totalOperationCount how many runs matched when it started, or {@code null} when unknown
 *     (runs that start matching later are visited too, so the done and failed counts may pass it)
 * @param completeOperationCount runs the operation was applied to
 * @param failureOperationCount runs it could not be applied to
 * @param failures the first {@value #MAX_FAILURES} of those runs, with why
 */
public record BatchOperationDescription(
    String jobId,
    BatchOperationType type,
    BatchOperationState state,
    String query,
    String reason,
    Instant startTime,
    Instant closeTime,
    Long totalOperationCount,
    long completeOperationCount,
    long failureOperationCount,
    List<BatchFailure> failures) {

  /** How many failures a description keeps (the count goes on past it). */
  public static final int MAX_FAILURES = 100;

  /** Copies the failures. */
  public BatchOperationDescription {
    failures = List.copyOf(failures);
  }
}
