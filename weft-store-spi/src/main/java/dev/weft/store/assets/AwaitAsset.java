package dev.weft.store.assets;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.Objects;

/**
 * Registers a run as waiting for a condition on an asset partition, and wakes it in the transaction
 * that makes the condition hold: the applier checks the condition at once and, while it does not
 * hold, keeps a waiter row that every later catalog write of the namespace (a materialization, an
 * observation, a graph registration) checks in its own transaction. When it holds, the store puts
 * {@code wakeUpEvent} into the run's inbox with a workflow task for it (only if the run is still
 * running) and deletes the waiter, in that transaction. So no wake-up is lost: a write that commits
 * before the waiter is seen by the check, one that commits after sees the waiter. Registering the
 * same waiter ID again replaces it.
 *
 * @param namespace the namespace of the asset
 * @param waiterId the waiter's ID, unique in the store
 * @param assetKey the asset's key
 * @param partition the partition; {@code ""} for an unpartitioned asset (never null)
 * @param condition what to wait for
 * @param after for {@link AssetWaitCondition#MATERIALIZED_AFTER}: a materialization must have
 *     finished strictly after this time; ignored for {@link AssetWaitCondition#FRESH}
 * @param wakeRunId the run to wake
 * @param wakeTaskQueue the task queue of that run's workflow tasks
 * @param wakeUpEventType the inbox event type of {@code wakeUpEvent} ({@code SignalReceived})
 * @param wakeUpEvent the inbox event, as the engine encodes it (opaque to the store)
 * @param at when the waiter was registered (the time of the wake-up if the condition holds now)
 * @param partitionIndex for a wait on one partition of a partitioned asset (whose status the store
 *     keeps as ranges of partition indexes): that partition's index, with {@code partition} its key
 *     as people read it; the condition is then checked against that partition's status
 *     (MATERIALIZED for {@link AssetWaitCondition#FRESH}, a materialization or observation after
 *     {@code after} for {@link AssetWaitCondition#MATERIALIZED_AFTER}). Null for a wait on an
 *     asset's state row (an unpartitioned asset, or a partitioned asset as a whole).
 */
public record AwaitAsset(
    String namespace,
    String waiterId,
    String assetKey,
    String partition,
    AssetWaitCondition condition,
    Instant after,
    String wakeRunId,
    String wakeTaskQueue,
    String wakeUpEventType,
    byte[] wakeUpEvent,
    Instant at,
    Long partitionIndex)
    implements Write {

  /** A wait on an asset's state row ({@code partitionIndex} null). */
  public AwaitAsset(
      String namespace,
      String waiterId,
      String assetKey,
      String partition,
      AssetWaitCondition condition,
      Instant after,
      String wakeRunId,
      String wakeTaskQueue,
      String wakeUpEventType,
      byte[] wakeUpEvent,
      Instant at) {
    this(
        namespace,
        waiterId,
        assetKey,
        partition,
        condition,
        after,
        wakeRunId,
        wakeTaskQueue,
        wakeUpEventType,
        wakeUpEvent,
        at,
        null);
  }

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if a string is blank or the key is malformed
   */
  public AwaitAsset {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.notBlank("waiterId", waiterId);
    AssetFields.key("assetKey", assetKey);
    AssetFields.partition("partition", assetKey, partition);
    AssetFields.nonNull("condition", assetKey, condition);
    AssetFields.nonNull("after", assetKey, after);
    AssetFields.notBlank("wakeRunId", assetKey, wakeRunId);
    AssetFields.notBlank("wakeTaskQueue", assetKey, wakeTaskQueue);
    AssetFields.notBlank("wakeUpEventType", assetKey, wakeUpEventType);
    AssetFields.nonNull("wakeUpEvent", assetKey, wakeUpEvent);
    AssetFields.nonNull("at", assetKey, at);
    if (partitionIndex != null && (partitionIndex < 0 || partition.isEmpty())) {
      throw new IllegalArgumentException(
          "partitionIndex (of the wait on asset "
              + assetKey
              + ") is "
              + partitionIndex
              + " with partition '"
              + partition
              + "': expected an index >= 0 with the partition's key");
    }
  }

  /** The run it wakes. */
  @Override
  public String runId() {
    return wakeRunId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AwaitAsset a
        && namespace.equals(a.namespace)
        && waiterId.equals(a.waiterId)
        && assetKey.equals(a.assetKey)
        && partition.equals(a.partition)
        && condition == a.condition
        && after.equals(a.after)
        && wakeRunId.equals(a.wakeRunId)
        && wakeTaskQueue.equals(a.wakeTaskQueue)
        && wakeUpEventType.equals(a.wakeUpEventType)
        && java.util.Arrays.equals(wakeUpEvent, a.wakeUpEvent)
        && at.equals(a.at)
        && Objects.equals(partitionIndex, a.partitionIndex);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, waiterId, assetKey, partition, condition, wakeRunId);
  }

  @Override
  public String toString() {
    return "AwaitAsset[namespace="
        + namespace
        + ", waiterId="
        + waiterId
        + ", asset="
        + assetKey
        + (partition.isEmpty() ? "" : "[" + partition + "]")
        + (partitionIndex == null ? "" : "#" + partitionIndex)
        + ", condition="
        + condition
        + ", after="
        + after
        + ", run="
        + wakeRunId
        + "]";
  }
}
