package dev.weft.server.api.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.AssetKey;
import dev.weft.engine.WeftEngine;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.automation.AutomationEvaluationPage;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.AutomationLog;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Declarative automation of an asset over HTTP: its condition (as the catalog's graph records it)
 * and its evaluations, newest first, a page at a time (reads of the store, so any node answers).
 */
public final class AutomationRoutes implements RouteGroup {
  private static final String BASE = "/api/v1/namespaces/{namespace}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WeftEngine engine;
  private final ServedNamespaces namespaces;

  /**
   * The automation routes of {@code engine}'s store, for the namespaces {@code namespaces} serves.
   */
  public AutomationRoutes(WeftEngine engine, ServedNamespaces namespaces) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes.get(BASE + "/assets/{assetKey}/automation", ApiRole.READER, this::automation);
  }

  /** {@code AutomationEvaluation}. */
  record Evaluation(
      long id,
      String condition,
      boolean fired,
      String reason,
      String partitions,
      String workflowId,
      String runId,
      long fromSeq,
      long toSeq,
      Instant at) {
    static Evaluation of(AutomationEvaluationRecord e) {
      return new Evaluation(
          e.id(),
          e.condition(),
          e.fired(),
          e.reason(),
          e.partitions().isEmpty() ? null : e.partitions(),
          e.workflowId(),
          e.runId(),
          e.fromSeq(),
          e.toSeq(),
          e.at());
    }
  }

  /** {@code AutomationPage}. */
  record Page(
      String assetKey, String condition, List<Evaluation> evaluations, String nextPageToken) {}

  private void automation(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "pageSize", "pageToken");
    int pageSize = params.integer("pageSize", 20, 1, 1000);
    String token = params.text("pageToken");
    namespaces.check(ctx);
    String ns = ctx.pathParam("namespace");
    String key = key(ctx);
    AssetNodeRecord node =
        engine.store().extension(AssetCatalog.class).graph(ns).stream()
            .filter(n -> n.assetKey().equals(key))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                            "asset-not-found",
                            "asset " + key + " is not in the graph of namespace '" + ns + "'")
                        .withField("assetKey", key));
    AutomationEvaluationPage page;
    try {
      page = engine.store().extension(AutomationLog.class).evaluations(ns, key, token, pageSize);
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid("pageToken", token, e.getMessage());
    }
    ApiJson.write(
        ctx,
        200,
        new Page(
            key,
            condition(node),
            page.evaluations().stream().map(Evaluation::of).toList(),
            page.nextPageToken()));
  }

  /** The condition text the asset's registered definition carries; null for none. */
  private static String condition(AssetNodeRecord node) {
    if (node.definitionJson() == null) {
      return null;
    }
    try {
      JsonNode automation = JSON.readTree(node.definitionJson()).get("automation");
      return automation == null || automation.isNull() ? null : automation.asText();
    } catch (IOException e) {
      return null;
    }
  }

  private static String key(Context ctx) {
    String key = ctx.pathParam("assetKey");
    try {
      return AssetKey.of(key).path();
    } catch (IllegalArgumentException e) {
      throw ApiProblem.of(400, "invalid-asset-key", "Invalid asset key", e.getMessage())
          .withField("assetKey", key);
    }
  }
}
