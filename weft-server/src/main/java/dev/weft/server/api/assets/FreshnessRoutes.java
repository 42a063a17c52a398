package dev.weft.server.api.assets;

import dev.weft.assets.AssetKey;
import dev.weft.assets.FreshnessState;
import dev.weft.engine.WeftEngine;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.assets.FreshnessDocuments.OpenViolations;
import dev.weft.server.api.assets.FreshnessDocuments.Status;
import dev.weft.server.api.assets.FreshnessDocuments.Violation;
import dev.weft.server.api.assets.FreshnessDocuments.ViolationPage;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationPage;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * Freshness over HTTP (reads of the store's {@link FreshnessCatalog}, so any node answers): an
 * asset's policy and state (fresh until its deadline, or violated since it), its violations paged
 * newest first, and the namespace's open violations.
 */
public final class FreshnessRoutes implements RouteGroup {
  private static final String BASE = "/api/v1/namespaces/{namespace}";

  private final WeftEngine engine;
  private final ServedNamespaces namespaces;

  /**
   * The freshness routes of {@code engine}'s store, for the namespaces {@code namespaces} serves.
   */
  public FreshnessRoutes(WeftEngine engine, ServedNamespaces namespaces) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .get(BASE + "/assets/{assetKey}/freshness", ApiRole.READER, this::status)
        .get(BASE + "/assets/{assetKey}/freshness/violations", ApiRole.READER, this::violations)
        .get(BASE + "/freshness-violations", ApiRole.READER, this::open);
  }

  private FreshnessCatalog freshness() {
    return engine.store().extension(FreshnessCatalog.class);
  }

  private AssetCatalog catalog() {
    return engine.store().extension(AssetCatalog.class);
  }

  private String namespace(Context ctx) {
    namespaces.check(ctx);
    return ctx.pathParam("namespace");
  }

  private void status(Context ctx) {
    QueryParams.of(ctx);
    String ns = namespace(ctx);
    String key = knownKey(ctx, ns);
    Optional<FreshnessPolicyRecord> policy = freshness().policy(ns, key);
    if (policy.isEmpty()) {
      ApiJson.write(ctx, 200, Status.none(key));
      return;
    }
    FreshnessState state =
        policy.get().kind() == FreshnessPolicyKind.PARTITION_DEADLINE
            ? FreshnessState.ofPartitions(policy.get(), freshness().openViolations(ns, key))
            : FreshnessState.of(
                policy.get(),
                catalog().state(ns, key, "").orElse(null),
                freshness().openViolation(ns, key, "").orElse(null));
    ApiJson.write(ctx, 200, Status.of(key, state));
  }

  private void violations(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "pageSize", "pageToken");
    int pageSize = params.integer("pageSize", 20, 1, 1000);
    String token = params.text("pageToken");
    String ns = namespace(ctx);
    String key = knownKey(ctx, ns);
    FreshnessViolationPage page;
    try {
      page = freshness().violations(ns, key, token, pageSize);
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid("pageToken", token, e.getMessage());
    }
    ApiJson.write(
        ctx,
        200,
        new ViolationPage(
            page.violations().stream().map(Violation::of).toList(), page.nextPageToken()));
  }

  private void open(Context ctx) {
    QueryParams.of(ctx);
    String ns = namespace(ctx);
    ApiJson.write(
        ctx,
        200,
        new OpenViolations(freshness().openViolations(ns).stream().map(Violation::of).toList()));
  }

  /** The path's asset key, which must be in the namespace's graph. */
  private String knownKey(Context ctx, String ns) {
    String raw = ctx.pathParam("assetKey");
    String key;
    try {
      key = AssetKey.of(raw).path();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.of(400, "invalid-asset-key", "Invalid asset key", e.getMessage())
          .withField("assetKey", raw);
    }
    if (catalog().graph(ns).stream().noneMatch(n -> n.assetKey().equals(key))) {
      throw ApiProblem.notFound(
              "asset-not-found", "asset " + key + " is not in the graph of namespace '" + ns + "'")
          .withField("assetKey", key);
    }
    return key;
  }
}
