package dev.weft.assets.internal;

import dev.weft.activity.Activity;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes;
import dev.weft.history.StoredEvents;
import dev.weft.store.Store;
import dev.weft.store.assets.AssetWaitCondition;
import dev.weft.store.assets.AwaitAsset;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.RecordFreshnessViolation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FreshnessActivities} on the catalog. The deadline's kind-specific part is an {@link
 * FreshnessEvaluator} per policy kind; the violation and the waiter commit with the activity's
 * completion, so a violation is recorded exactly when the workflow's step that decided it is.
 */
public final class CatalogFreshness implements FreshnessActivities {
  private final String namespace;
  private final Store store;
  private final Clock clock;
  private final Map<FreshnessPolicyKind, FreshnessEvaluator> evaluators;

  /** Creates the activities of one engine's namespace, with an evaluator per supported kind. */
  public CatalogFreshness(
      String namespace,
      Store store,
      Clock clock,
      Map<FreshnessPolicyKind, FreshnessEvaluator> evaluators) {
    this.namespace = namespace;
    this.store = store;
    this.clock = clock;
    this.evaluators = Map.copyOf(evaluators);
  }

  @Override
  public FreshnessCheck check(FreshnessRequest request) {
    Optional<FreshnessPolicyRecord> policy = currentPolicy(request);
    if (policy.isEmpty() || !evaluators.containsKey(policy.get().kind())) {
      return FreshnessCheck.policyGone();
    }
    return evaluators.get(policy.get().kind()).evaluate(policy.get(), clock.instant(), request);
  }

  @Override
  public boolean recordViolation(FreshnessRequest request, FreshnessCheck seen) {
    Optional<FreshnessPolicyRecord> policy = currentPolicy(request);
    if (policy.isEmpty()) {
      return false;
    }
    FreshnessEvaluator evaluator = evaluators.get(policy.get().kind());
    if (!evaluator.stillLate(request.assetKey(), seen)) {
      return false;
    }
    Activity.commitWithCompletion(
        new RecordFreshnessViolation(
            namespace,
            request.assetKey(),
            seen.partition(),
            seen.deadline(),
            seen.lastMaterializedAt(),
            request.policyRegisteredAt(),
            clock.instant(),
            seen.partitionIndex()));
    return true;
  }

  @Override
  public boolean awaitMaterialization(FreshnessRequest request, FreshnessCheck seen) {
    Optional<FreshnessPolicyRecord> policy = currentPolicy(request);
    if (policy.isEmpty()) {
      return true;
    }
    Instant last =
        evaluators
            .get(policy.get().kind())
            .lastMaterializedAt(request.assetKey(), seen.partition());
    Instant after = seen.lastMaterializedAt() == null ? Instant.EPOCH : seen.lastMaterializedAt();
    if (last != null && last.isAfter(after)) {
      return true;
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
            request.assetKey(),
            seen.partition(),
            AssetWaitCondition.MATERIALIZED_AFTER,
            after,
            runId,
            request.taskQueue(),
            "SignalReceived",
            signal,
            clock.instant()));
    return false;
  }

  private Optional<FreshnessPolicyRecord> currentPolicy(FreshnessRequest request) {
    return store
        .extension(FreshnessCatalog.class)
        .policy(namespace, request.assetKey())
        .filter(p -> p.registeredAt().equals(request.policyRegisteredAt()));
  }
}
