package dev.weft.assets.internal;

import dev.weft.activity.Activity;
import dev.weft.converter.Payload;
import dev.weft.failure.ApplicationFailure;
import dev.weft.history.EventAttributes;
import dev.weft.history.StoredEvents;
import dev.weft.store.Store;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.AssetWaitCondition;
import dev.weft.store.assets.AwaitAsset;
import dev.weft.store.assets.ForgetAssetWait;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatus;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link AssetWaitActivities} on the catalog: the waiter ID is the waiting run's ID, and its
 * wake-up is the signal {@link AwaitAssetWorkflow#SIGNAL} with that ID, encoded now so that the
 * store can deliver it later without the engine.
 */
public final class CatalogWaits implements AssetWaitActivities {
  private final String namespace;
  private final Store store;
  private final Clock clock;
  private final PartitionIndexer indexes;

  /** Creates the activities of one engine's namespace, without waits on partitions. */
  public CatalogWaits(String namespace, Store store, Clock clock) {
    this(
        namespace,
        store,
        clock,
        (asset, key) -> {
          throw new IllegalArgumentException(
              "partition '"
                  + key
                  + "' of asset "
                  + asset
                  + ": this node cannot resolve partitions");
        });
  }

  /**
   * Creates the activities of one engine's namespace; waits on a partition resolve its index with
   * {@code indexes}.
   */
  public CatalogWaits(String namespace, Store store, Clock clock, PartitionIndexer indexes) {
    this.namespace = namespace;
    this.store = store;
    this.clock = clock;
    this.indexes = indexes;
  }

  @Override
  public AwaitAssetOutcome register(AwaitAssetRequest request) {
    AwaitAssetOutcome now = check(request);
    if (now.satisfied()) {
      return now;
    }
    String runId = Activity.getInfo().runId();
    Payload input =
        new Payload(Payload.JSON, ("[\"" + runId + "\"]").getBytes(StandardCharsets.UTF_8));
    byte[] signal =
        StoredEvents.encode(new EventAttributes.SignalReceived(AwaitAssetWorkflow.SIGNAL, input));
    Activity.commitWithCompletion(
        new AwaitAsset(
            namespace,
            runId,
            request.key(),
            request.onPartition() ? request.partition() : "",
            request.condition(),
            request.after() == null ? Instant.EPOCH : request.after(),
            runId,
            MaterializeWorkflow.TASK_QUEUE,
            "SignalReceived",
            signal,
            clock.instant(),
            request.onPartition() ? index(request) : null));
    return now;
  }

  @Override
  public AwaitAssetOutcome check(AwaitAssetRequest request) {
    if (request.onPartition()) {
      return checkPartition(request);
    }
    Optional<AssetStateRecord> state =
        store.extension(AssetCatalog.class).state(namespace, request.key(), "");
    if (state.isEmpty()) {
      return new AwaitAssetOutcome(request.key(), false, AssetStatus.MISSING, null, null);
    }
    AssetStateRecord s = state.get();
    Instant materializedAt =
        s.lastObservedDataVersion() != null
            ? s.updatedAt()
            : s.current() == null ? null : s.current().finishedAt();
    boolean satisfied =
        request.condition() == AssetWaitCondition.FRESH
            ? s.status() == AssetStatus.FRESH
            : materializedAt != null
                && materializedAt.isAfter(
                    request.after() == null ? Instant.EPOCH : request.after());
    return new AwaitAssetOutcome(
        request.key(), satisfied, s.status(), s.dataVersion(), materializedAt);
  }

  /**
   * A partition's outcome: FRESH when materialized, STALE, FAILED, MISSING when never recorded (an
   * in-progress partition reports what it was before the claim); its materialization time is when
   * its stored range was last written while materialized.
   */
  private AwaitAssetOutcome checkPartition(AwaitAssetRequest request) {
    Optional<PartitionRangeState> state =
        store
            .extension(PartitionStatusReader.class)
            .status(namespace, request.key(), index(request));
    PartitionStatus status =
        state
            .map(s -> s.status() == PartitionStatus.IN_PROGRESS ? s.previousStatus() : s.status())
            .orElse(null);
    AssetStatus asAsset =
        status == null
            ? AssetStatus.MISSING
            : switch (status) {
              case MATERIALIZED -> AssetStatus.FRESH;
              case STALE -> AssetStatus.STALE;
              case FAILED -> AssetStatus.FAILED;
              case IN_PROGRESS -> AssetStatus.MISSING;
            };
    boolean materialized =
        state.isPresent() && state.get().status() == PartitionStatus.MATERIALIZED;
    Instant materializedAt = materialized ? state.get().updatedAt() : null;
    Instant after = request.after() == null ? Instant.EPOCH : request.after();
    boolean satisfied =
        request.condition() == AssetWaitCondition.FRESH
            ? materialized
            : materializedAt != null && materializedAt.isAfter(after);
    return new AwaitAssetOutcome(
        request.key(),
        satisfied,
        asAsset,
        state.map(PartitionRangeState::dataVersion).orElse(null),
        materializedAt);
  }

  private long index(AwaitAssetRequest request) {
    try {
      return indexes.index(request.key(), request.partition());
    } catch (RuntimeException e) {
      throw new ApplicationFailure(e.getMessage(), e.getClass().getSimpleName(), true, null);
    }
  }

  @Override
  public void forget() {
    Activity.commitWithCompletion(new ForgetAssetWait(namespace, Activity.getInfo().runId()));
  }
}
