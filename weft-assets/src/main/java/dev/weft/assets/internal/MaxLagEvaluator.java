package dev.weft.assets.internal;

import dev.weft.assets.FreshnessState;
import dev.weft.store.Store;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyRecord;
import java.time.Instant;

/** {@code maxLag}: the deadline of {@link FreshnessState#nextDeadline}. */
public final class MaxLagEvaluator implements FreshnessEvaluator {
  private final String namespace;
  private final Store store;

  /** Creates the evaluator of one engine's namespace. */
  public MaxLagEvaluator(String namespace, Store store) {
    this.namespace = namespace;
    this.store = store;
  }

  @Override
  public FreshnessCheck evaluate(
      FreshnessPolicyRecord policy, Instant now, FreshnessRequest request) {
    Instant last = lastMaterializedAt(policy.assetKey(), "");
    Instant deadline = FreshnessState.nextDeadline(policy, last);
    boolean violated =
        store
            .extension(FreshnessCatalog.class)
            .openViolation(namespace, policy.assetKey(), "")
            .isPresent();
    return new FreshnessCheck(true, "", deadline, last, violated);
  }

  @Override
  public Instant lastMaterializedAt(String assetKey, String partition) {
    AssetStateRecord state =
        store.extension(AssetCatalog.class).state(namespace, assetKey, partition).orElse(null);
    return state == null || state.current() == null ? null : state.current().finishedAt();
  }
}
