package dev.weft.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A batch operation to start with {@link WeftClient#startBatchOperation}: one {@link
 * BatchOperationType} applied to every run of the client's namespace that a list query matches, at
 * most {@code maxOperationsPerSecond} runs a second. Immutable; make one with a static factory and
 * adjust it with the withers.
 *
 * <pre>{@code
 * String jobId = client.startBatchOperation(
 *     BatchOperation.terminate("WorkflowType = 'Order' AND ExecutionStatus = 'Running'", "bad deploy")
 *         .withMaxOperationsPerSecond(20));
 * }</pre>
 *
 * @param jobId the batch's ID (letters, digits, {@code . _ -}, at most 100), or {@code null} for a
 *     generated one
 * @param type what to do to each run
 * @param query the list query choosing the runs (the language of {@link WorkflowFilter}, without
 *     {@code ORDER BY})
 * @param reason why (recorded with terminations, pauses and cancel requests; required)
 * @param signalName the signal to send, for {@link BatchOperationType#SIGNAL} only
 * @param signalArgs the signal's arguments (JSON-serializable), for {@link
 *     BatchOperationType#SIGNAL} only
 * @param maxOperationsPerSecond the rate limit, above 0 and at most 1000 (default 50, as Temporal)
 * @throws IllegalArgumentException if a field is missing or out of range (the message names it)
 */
public record BatchOperation(
    String jobId,
    BatchOperationType type,
    String query,
    String reason,
    String signalName,
    List<Object> signalArgs,
    double maxOperationsPerSecond) {

  /** The rate limit unless told otherwise: 50 runs a second (Temporal's default). */
  public static final double DEFAULT_OPERATIONS_PER_SECOND = 50;

  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /** Validates the operation. */
  public BatchOperation {
    Objects.requireNonNull(type, "BatchOperation.type");
    if (jobId != null && !JOB_ID.matcher(jobId).matches()) {
      throw new IllegalArgumentException(
          "BatchOperation.jobId must be 1 to 100 letters, digits, '.', '_' or '-', was '"
              + jobId
              + "'");
    }
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException(
          "BatchOperation.query is required (a list query choosing the runs)");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("BatchOperation.reason is required");
    }
    if (type == BatchOperationType.SIGNAL) {
      if (signalName == null || signalName.isBlank()) {
        throw new IllegalArgumentException("BatchOperation.signalName is required for SIGNAL");
      }
    } else if (signalName != null || (signalArgs != null && !signalArgs.isEmpty())) {
      throw new IllegalArgumentException(
          "BatchOperation.signalName and signalArgs are for SIGNAL only, not " + type);
    }
    if (!(maxOperationsPerSecond > 0 && maxOperationsPerSecond <= 1000)) {
      throw new IllegalArgumentException(
          "BatchOperation.maxOperationsPerSecond must be above 0 and at most 1000, was "
              + maxOperationsPerSecond);
    }
    signalArgs =
        signalArgs == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(signalArgs));
  }

  /** Requests cancellation of every matching run. */
  public static BatchOperation cancel(String query, String reason) {
    return of(BatchOperationType.CANCEL, query, reason);
  }

  /** Terminates every matching run with {@code reason}. */
  public static BatchOperation terminate(String query, String reason) {
    return of(BatchOperationType.TERMINATE, query, reason);
  }

  /** Sends signal {@code signalName} with {@code args} to every matching run. */
  public static BatchOperation signal(
      String query, String reason, String signalName, Object... args) {
    return new BatchOperation(
        null,
        BatchOperationType.SIGNAL,
        query,
        reason,
        signalName,
        args == null ? List.of() : Arrays.asList(args),
        DEFAULT_OPERATIONS_PER_SECOND);
  }

  /** Pauses every matching run. */
  public static BatchOperation pause(String query, String reason) {
    return of(BatchOperationType.PAUSE, query, reason);
  }

  /** Resumes every matching paused run. */
  public static BatchOperation resume(String query, String reason) {
    return of(BatchOperationType.RESUME, query, reason);
  }

  private static BatchOperation of(BatchOperationType type, String query, String reason) {
    return new BatchOperation(null, type, query, reason, null, null, DEFAULT_OPERATIONS_PER_SECOND);
  }

  /** Returns this operation with a chosen job ID. */
  public BatchOperation withJobId(String jobId) {
    return new BatchOperation(
        jobId, type, query, reason, signalName, signalArgs, maxOperationsPerSecond);
  }

  /** Returns this operation with another rate limit. */
  public BatchOperation withMaxOperationsPerSecond(double maxOperationsPerSecond) {
    return new BatchOperation(
        jobId, type, query, reason, signalName, signalArgs, maxOperationsPerSecond);
  }
}
