package dev.weft.assets.internal;

import dev.weft.activity.Activity;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.history.StoredEvents;
import dev.weft.store.Store;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.AssetWaitCondition;
import dev.weft.store.assets.AwaitAsset;
import dev.weft.store.assets.ForgetAssetWait;
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

  /** Creates the activities of one engine's namespace. */
  public CatalogWaits(String namespace, Store store, Clock clock) {
    this.namespace = namespace;
    this.store = store;
    this.clock = clock;
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
            "",
            request.condition(),
            request.after() == null ? Instant.EPOCH : request.after(),
            runId,
            MaterializeWorkflow.TASK_QUEUE,
            "SignalReceived",
            signal,
            clock.instant()));
    return now;
  }

  @Override
  public AwaitAssetOutcome check(AwaitAssetRequest request) {
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

  @Override
  public void forget() {
    Activity.commitWithCompletion(new ForgetAssetWait(namespace, Activity.getInfo().runId()));
  }
}
