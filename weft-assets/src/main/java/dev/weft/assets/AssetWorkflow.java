package dev.weft.assets;

import dev.weft.assets.internal.AwaitAssetOutcome;
import dev.weft.assets.internal.AwaitAssetRequest;
import dev.weft.assets.internal.AwaitAssetWorkflow;
import dev.weft.assets.internal.MaterializeOutcome;
import dev.weft.assets.internal.MaterializeRequest;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.ChildWorkflowFailure;
import dev.weft.store.assets.AssetWaitCondition;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.CompletablePromise;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Assets from workflow code: materialize a selection as a child workflow and await it, or wait
 * durably until an asset is materialized or fresh. Call these only from workflow code (they issue
 * workflow commands and are deterministic on replay); the engine that runs the children is any node
 * of the store that built {@link Assets} (it serves the internal task queue {@code __weft_assets}).
 *
 * <pre>{@code
 * public String publish() {
 *   AssetWorkflow.awaitFresh(AssetKey.of("chain/daily_volume")).get();   // no worker held
 *   MaterializationResult r = AssetWorkflow.materialize("trades/daily_metrics").get();
 *   return r.succeeded() ? "published" : "failed: " + r.keys(AssetOutcome.Status.FAILED);
 * }
 * }</pre>
 *
 * <p>Each call starts a child workflow: {@code __weft_materialize} (the selection is planned
 * against the catalog's graph by a local activity of the child, recorded once), or {@code
 * __weft_await_asset} (which registers a waiter in the catalog and waits for the signal that the
 * catalog write satisfying it delivers in its own transaction: no timer loop, no poll, nothing held
 * while it waits, and a materialization that commits between the check and the wait still wakes
 * it). Their histories, cancellation (cancel the calling scope) and parent-close policy are a child
 * workflow's.
 */
public final class AssetWorkflow {
  private AssetWorkflow() {}

  /** {@link #materialize(AssetSelection, ChildWorkflowOptions)} of a parsed selection. */
  public static Promise<MaterializationResult> materialize(String selection) {
    return materialize(selection, ChildWorkflowOptions.DEFAULTS);
  }

  /**
   * {@link #materialize(AssetSelection, ChildWorkflowOptions)} of a parsed selection; a syntax
   * error fails the promise with {@link AssetSelectionSyntaxException} (nothing is started).
   */
  public static Promise<MaterializationResult> materialize(
      String selection, ChildWorkflowOptions options) {
    AssetSelection parsed;
    try {
      parsed = AssetSelection.parse(selection);
    } catch (AssetSelectionSyntaxException e) {
      return failed(e);
    }
    return materialize(parsed, options);
  }

  /**
   * Materializes the selection as a child workflow {@code __weft_materialize} and returns its
   * result. The promise fails with {@link UnknownAssetException} naming keys the catalog's graph
   * lacks, with {@link IllegalArgumentException} for a group that selects nothing or a selection
   * that holds partitioned assets (refused as {@link Assets#materialize(AssetSelection)} refuses
   * it, naming them; nothing is computed), and with {@link ChildWorkflowFailure} if the child ends
   * otherwise than completed (cancelled, terminated, timed out). A failed compute does not fail it:
   * see {@link MaterializationResult#succeeded()}.
   *
   * @param options the child's options: a workflow ID (default {@code __weft_materialize:<random
   *     UUID of the workflow>}), the parent-close policy, the cancellation type, timeouts; the task
   *     queue must be unset or {@code __weft_assets}
   * @throws IllegalArgumentException if {@code options} names another task queue
   */
  public static Promise<MaterializationResult> materialize(
      AssetSelection selection, ChildWorkflowOptions options) {
    Objects.requireNonNull(selection, "selection");
    ChildWorkflowOptions child = childOptions(options, MaterializeWorkflow.WORKFLOW_ID_PREFIX);
    Promise<MaterializeOutcome> run =
        Workflow.newUntypedChildWorkflowStub(MaterializeWorkflow.TYPE, child)
            .executeAsync(
                MaterializeOutcome.class, new MaterializeRequest(selection.toString(), null));
    return Workflow.async(
        () -> {
          try {
            return MaterializationHandle.toResult(child.workflowId(), run.get());
          } catch (ChildWorkflowFailure failure) {
            throw planFailure(failure);
          }
        });
  }

  /**
   * Materializes partitions of the selection as a child workflow {@code __weft_materialize}, like
   * {@code Assets.materialize(selection, partitions)}: the child plans the chunks (a local
   * activity, recorded once, against the graph of the code its node hosts, dynamic keys from the
   * catalog) and runs them, at most {@value Assets#DEFAULT_CONCURRENT_CHUNKS} at once. The promise
   * fails with {@link UnknownAssetException}, with {@link IllegalArgumentException} naming asset,
   * key and definition for a key outside the definition (or assets partitioned differently), and
   * with {@link ChildWorkflowFailure} if the child ends otherwise than completed; a failed
   * partition does not fail it (see {@link MaterializationResult#succeeded()}).
   */
  public static Promise<MaterializationResult> materialize(
      AssetSelection selection, PartitionSelection partitions) {
    return materialize(
        selection, partitions, Assets.DEFAULT_CONCURRENT_CHUNKS, ChildWorkflowOptions.DEFAULTS);
  }

  /**
   * {@link #materialize(AssetSelection, PartitionSelection)} with at most {@code
   * maxConcurrentChunks} compute calls at once and these child options.
   *
   * @throws IllegalArgumentException if {@code maxConcurrentChunks} is below 1 or {@code options}
   *     names another task queue
   */
  public static Promise<MaterializationResult> materialize(
      AssetSelection selection,
      PartitionSelection partitions,
      int maxConcurrentChunks,
      ChildWorkflowOptions options) {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(partitions, "partitions");
    if (maxConcurrentChunks < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentChunks is " + maxConcurrentChunks + ": expected at least 1");
    }
    ChildWorkflowOptions child = childOptions(options, MaterializeWorkflow.WORKFLOW_ID_PREFIX);
    Promise<MaterializeOutcome> run =
        Workflow.newUntypedChildWorkflowStub(MaterializeWorkflow.TYPE, child)
            .executeAsync(
                MaterializeOutcome.class,
                new MaterializeRequest(
                    selection.toString(), null, null, maxConcurrentChunks, partitions));
    return Workflow.async(
        () -> {
          try {
            return MaterializationHandle.toResult(child.workflowId(), run.get());
          } catch (ChildWorkflowFailure failure) {
            throw planFailure(failure);
          }
        });
  }

  /**
   * Waits until the asset's current materialization finished after {@code after} (for an observable
   * source: until it is observed after it), however it was recorded: by a {@code
   * __weft_materialize} run or by another writer of the catalog. Returns at once if it already did.
   */
  public static Promise<AssetWaitResult> awaitMaterialized(AssetKey key, Instant after) {
    return await(key, AssetWaitCondition.MATERIALIZED_AFTER, after, null);
  }

  /**
   * {@link #awaitMaterialized(AssetKey, Instant)} for at most {@code timeout} (a durable timer);
   * then the result is {@linkplain AssetWaitResult#satisfied() unsatisfied}.
   *
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public static Promise<AssetWaitResult> awaitMaterialized(
      AssetKey key, Instant after, Duration timeout) {
    return await(key, AssetWaitCondition.MATERIALIZED_AFTER, after, positive(timeout));
  }

  /** Waits until the asset is {@code FRESH} (materialized, and not stale); at once if it is. */
  public static Promise<AssetWaitResult> awaitFresh(AssetKey key) {
    return await(key, AssetWaitCondition.FRESH, Instant.EPOCH, null);
  }

  /**
   * {@link #awaitFresh(AssetKey)} for at most {@code timeout}.
   *
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public static Promise<AssetWaitResult> awaitFresh(AssetKey key, Duration timeout) {
    return await(key, AssetWaitCondition.FRESH, Instant.EPOCH, positive(timeout));
  }

  /**
   * Waits until partition {@code partition} of a partitioned asset was materialized (or observed)
   * after {@code after}, by a partitioned materialization or any other writer of the catalog's
   * partition status; at once if it already was. The result's status is the partition's (FRESH for
   * materialized). The wait fails (the child does, with the key's problem) if the key is not one of
   * the asset's definition.
   */
  public static Promise<AssetWaitResult> awaitMaterialized(
      AssetKey key, String partition, Instant after) {
    return await(
        key, requirePartition(partition), AssetWaitCondition.MATERIALIZED_AFTER, after, null);
  }

  /**
   * {@link #awaitMaterialized(AssetKey, String, Instant)} for at most {@code timeout}.
   *
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public static Promise<AssetWaitResult> awaitMaterialized(
      AssetKey key, String partition, Instant after, Duration timeout) {
    return await(
        key,
        requirePartition(partition),
        AssetWaitCondition.MATERIALIZED_AFTER,
        after,
        positive(timeout));
  }

  /** Waits until partition {@code partition} of a partitioned asset is materialized, not stale. */
  public static Promise<AssetWaitResult> awaitFresh(AssetKey key, String partition) {
    return await(key, requirePartition(partition), AssetWaitCondition.FRESH, Instant.EPOCH, null);
  }

  private static String requirePartition(String partition) {
    Objects.requireNonNull(partition, "partition");
    if (partition.isEmpty()) {
      throw new IllegalArgumentException(
          "partition is \"\": expected a partition key (wait on the asset as a whole without one)");
    }
    return partition;
  }

  private static Promise<AssetWaitResult> await(
      AssetKey key, AssetWaitCondition condition, Instant after, Duration timeout) {
    return await(key, null, condition, after, timeout);
  }

  private static Promise<AssetWaitResult> await(
      AssetKey key,
      String partition,
      AssetWaitCondition condition,
      Instant after,
      Duration timeout) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(after, "after");
    ChildWorkflowOptions child =
        childOptions(ChildWorkflowOptions.DEFAULTS, AwaitAssetWorkflow.WORKFLOW_ID_PREFIX);
    return Workflow.newUntypedChildWorkflowStub(AwaitAssetWorkflow.TYPE, child)
        .executeAsync(
            AwaitAssetOutcome.class,
            new AwaitAssetRequest(key.path(), condition, after, timeout, partition))
        .thenApply(
            o ->
                new AssetWaitResult(
                    AssetKey.of(o.key()),
                    o.satisfied(),
                    o.status(),
                    o.dataVersion(),
                    o.materializedAt()));
  }

  private static ChildWorkflowOptions childOptions(ChildWorkflowOptions o, String idPrefix) {
    Objects.requireNonNull(o, "options");
    if (o.taskQueue() != null && !o.taskQueue().equals(MaterializeWorkflow.TASK_QUEUE)) {
      throw new IllegalArgumentException(
          "ChildWorkflowOptions.taskQueue is '"
              + o.taskQueue()
              + "': asset workflows run on the internal task queue "
              + MaterializeWorkflow.TASK_QUEUE
              + "; leave it unset");
    }
    String workflowId = o.workflowId() != null ? o.workflowId() : idPrefix + Workflow.randomUUID();
    return new ChildWorkflowOptions(
        workflowId,
        MaterializeWorkflow.TASK_QUEUE,
        o.parentClosePolicy(),
        o.idReusePolicy(),
        o.workflowExecutionTimeout(),
        o.workflowRunTimeout(),
        o.retryPolicy(),
        o.searchAttributes(),
        o.memo(),
        o.priority(),
        o.cancellationType());
  }

  /** The typed exception of a selection the child's planner refused, or the failure as it is. */
  private static RuntimeException planFailure(ChildWorkflowFailure failure) {
    if (failure.getCause() instanceof ApplicationFailure app) {
      switch (app.getType()) {
        case "UnknownAssetException" -> {
          return UnknownAssetException.fromMessage(app.getMessage());
        }
        case "IllegalArgumentException",
            "PartitionKeyException",
            "SelectionHasPartitionedAssetsException" -> {
          return new IllegalArgumentException(app.getMessage(), failure);
        }
        default -> {}
      }
    }
    return failure;
  }

  private static Duration positive(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return timeout;
  }

  private static <T> Promise<T> failed(RuntimeException e) {
    CompletablePromise<T> p = Workflow.newPromise();
    p.completeExceptionally(e);
    return p;
  }
}
