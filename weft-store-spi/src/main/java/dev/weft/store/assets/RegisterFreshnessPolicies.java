package dev.weft.store.assets;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a code location's freshness policies exactly {@code policies}: commit it after (or in the
 * batch of) the location's {@link RegisterAssetGraph}. A policy of an asset of this location that
 * is not listed, or of an asset no longer in the namespace's graph, is removed; a listed policy
 * that differs from the stored one replaces it (its {@code registeredAt} becomes {@code at}); an
 * unchanged one keeps its registration time. The open violation of a removed or changed policy is
 * cleared ({@code POLICY_REMOVED}, {@code POLICY_CHANGED}) at {@code at}.
 *
 * @param namespace the namespace
 * @param location the code location registering
 * @param policies the location's policies, at most one per asset
 * @param at when
 */
public record RegisterFreshnessPolicies(
    String namespace, String location, List<FreshnessPolicyRecord> policies, Instant at)
    implements Write {

  /**
   * Validates the write.
   *
   * @throws NullPointerException if a field is null (named)
   * @throws IllegalArgumentException if a field is blank or an asset has two policies (named)
   */
  public RegisterFreshnessPolicies {
    AssetFields.notBlank("namespace", namespace);
    AssetFields.notBlank("location", location);
    policies = List.copyOf(AssetFields.nonNull("policies", policies));
    AssetFields.nonNull("at", at);
    Set<String> keys = new HashSet<>();
    for (FreshnessPolicyRecord p : policies) {
      if (!keys.add(p.assetKey())) {
        throw new IllegalArgumentException(
            "asset " + p.assetKey() + " has two freshness policies; an asset has at most one");
      }
    }
  }

  /** Null: the write belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
