package dev.weft.server.api.assets;

import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetSelectionSyntaxException;
import dev.weft.assets.CatalogMaterializer;
import dev.weft.assets.MaterializationHandle;
import dev.weft.assets.SelectionHasPartitionedAssetsException;
import dev.weft.assets.UnknownAssetException;
import dev.weft.engine.WeftEngine;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.assets.AssetDocuments.CheckCounts;
import dev.weft.server.api.assets.AssetDocuments.Detail;
import dev.weft.server.api.assets.AssetDocuments.GraphEdge;
import dev.weft.server.api.assets.AssetDocuments.GraphNode;
import dev.weft.server.api.assets.AssetDocuments.HistoryEntry;
import dev.weft.server.api.assets.AssetDocuments.MaterializeRequest;
import dev.weft.server.api.assets.AssetDocuments.MaterializeResponse;
import dev.weft.server.api.assets.AssetDocuments.SelectionPreview;
import dev.weft.server.api.assets.AssetDocuments.Summary;
import dev.weft.server.api.assets.AssetDocuments.SummaryList;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.CheckResultRecord;
import dev.weft.store.assets.MaterializationPage;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The asset catalog over HTTP: list, describe, history, stale, the lineage graph (reads of the
 * store's {@link AssetCatalog}, so any node of the store answers them) and materialize a selection
 * (planned from the catalog's graph by {@link CatalogMaterializer}, run by the nodes that host the
 * asset code). An asset key's {@code /} is sent encoded ({@code chain%2Fraw_blocks}) in the one
 * path segment {@code {assetKey}}.
 */
public final class AssetRoutes implements RouteGroup {
  private static final String BASE = "/api/v1/namespaces/{namespace}";

  private final WeftEngine engine;
  private final ServedNamespaces namespaces;

  /** The asset routes of {@code engine}'s store, for the namespaces {@code namespaces} serves. */
  public AssetRoutes(WeftEngine engine, ServedNamespaces namespaces) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .get(BASE + "/assets", ApiRole.READER, this::list)
        .get(BASE + "/assets/{assetKey}", ApiRole.READER, this::describe)
        .get(BASE + "/assets/{assetKey}/history", ApiRole.READER, this::history)
        .get(BASE + "/stale-assets", ApiRole.READER, this::stale)
        .get(BASE + "/asset-graph", ApiRole.READER, this::graph)
        .get(BASE + "/asset-selection", ApiRole.READER, this::selection)
        .post(BASE + "/asset-materializations", ApiRole.OPERATOR, this::materialize);
  }

  private String namespace(Context ctx) {
    namespaces.check(ctx);
    return ctx.pathParam("namespace");
  }

  private static CheckCounts counts(Map<String, CheckCounts> checks, AssetStateRecord s) {
    return checks.getOrDefault(CheckCounts.slot(s.assetKey(), s.partition()), CheckCounts.NONE);
  }

  private AssetCatalog catalog() {
    return engine.store().extension(AssetCatalog.class);
  }

  private void list(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "status", "group");
    AssetStatus status = params.enumValue("status", AssetStatus.class);
    String group = params.text("group");
    String ns = namespace(ctx);
    Map<String, AssetNodeRecord> nodes = nodes(ns);
    if (group != null && nodes.values().stream().noneMatch(n -> n.group().equals(group))) {
      throw QueryParams.invalid(
          "group",
          group,
          "no asset of namespace '"
              + ns
              + "' is in group '"
              + group
              + "'; the groups are "
              + new TreeSet<>(nodes.values().stream().map(AssetNodeRecord::group).toList()));
    }
    Map<String, CheckCounts> checks = CheckCounts.byAsset(catalog().latestChecks(ns));
    List<Summary> out = new ArrayList<>();
    for (AssetStateRecord s : catalog().states(ns)) {
      AssetNodeRecord node = nodes.get(s.assetKey());
      if ((status == null || s.status() == status)
          && (group == null || (node != null && node.group().equals(group)))) {
        out.add(Summary.of(node, s, counts(checks, s)));
      }
    }
    ApiJson.write(ctx, 200, new SummaryList(out));
  }

  private void describe(Context ctx) {
    QueryParams.of(ctx);
    String ns = namespace(ctx);
    String key = key(ctx);
    List<AssetNodeRecord> graph = catalog().graph(ns);
    AssetNodeRecord node =
        graph.stream().filter(n -> n.assetKey().equals(key)).findFirst().orElse(null);
    if (node == null) {
      throw notFound(ns, key);
    }
    AssetStateRecord state = catalog().state(ns, key, "").orElseThrow(() -> notFound(ns, key));
    List<CheckResultRecord> checks = catalog().latestChecks(ns, key, "");
    List<String> downstream =
        graph.stream()
            .filter(n -> n.upstream().contains(key))
            .map(AssetNodeRecord::assetKey)
            .toList();
    ApiJson.write(
        ctx,
        200,
        new Detail(
            key,
            node.group(),
            node.kind().name(),
            node.codeVersion(),
            AssetDocuments.json(node.definitionJson()),
            Summary.of(node, state, CheckCounts.of(checks)),
            node.upstream(),
            downstream,
            checks.stream().map(AssetDocuments.CheckResult::of).toList()));
  }

  private void history(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "pageSize", "pageToken");
    int pageSize = params.integer("pageSize", 20, 1, 1000);
    String token = params.text("pageToken");
    String ns = namespace(ctx);
    String key = key(ctx);
    if (catalog().state(ns, key, "").isEmpty()) {
      throw notFound(ns, key);
    }
    MaterializationPage page;
    try {
      page = catalog().history(ns, key, "", token, pageSize);
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid("pageToken", token, e.getMessage());
    }
    ApiJson.write(
        ctx,
        200,
        new AssetDocuments.History(
            page.entries().stream().map(HistoryEntry::of).toList(), page.nextPageToken()));
  }

  private void stale(Context ctx) {
    QueryParams.of(ctx);
    String ns = namespace(ctx);
    Map<String, AssetNodeRecord> nodes = nodes(ns);
    Map<String, CheckCounts> checks = CheckCounts.byAsset(catalog().latestChecks(ns));
    ApiJson.write(
        ctx,
        200,
        new SummaryList(
            catalog().stale(ns).stream()
                .map(s -> Summary.of(nodes.get(s.assetKey()), s, counts(checks, s)))
                .toList()));
  }

  private void graph(Context ctx) {
    QueryParams.of(ctx);
    String ns = namespace(ctx);
    Map<String, String> status = new HashMap<>();
    for (AssetStateRecord s : catalog().states(ns)) {
      if (s.partition().isEmpty()) {
        status.put(s.assetKey(), s.status().name());
      }
    }
    List<GraphNode> nodes = new ArrayList<>();
    List<GraphEdge> edges = new ArrayList<>();
    for (AssetNodeRecord n : catalog().graph(ns)) {
      nodes.add(
          new GraphNode(
              n.assetKey(),
              n.group(),
              n.kind().name(),
              status.getOrDefault(n.assetKey(), AssetStatus.MISSING.name())));
      n.upstream().forEach(u -> edges.add(new GraphEdge(u, n.assetKey())));
    }
    ApiJson.write(ctx, 200, new AssetDocuments.Graph(nodes, edges));
  }

  private void materialize(Context ctx) {
    QueryParams.of(ctx);
    MaterializeRequest request = ApiJson.read(ctx, MaterializeRequest.class);
    if (request.selection() == null) {
      throw ApiProblem.badField("selection", null, "field 'selection' is required");
    }
    String ns = namespace(ctx);
    CatalogMaterializer materializer =
        new CatalogMaterializer(namespaces.client(ctx), catalog(), ns);
    CatalogMaterializer.Plan plan = plan(materializer, request.selection());
    MaterializationHandle handle = materializer.start(plan);
    ApiJson.write(
        ctx,
        202,
        new MaterializeResponse(
            handle.workflowId(),
            handle.runId(),
            plan.selection(),
            plan.keys().stream().map(AssetKey::path).toList()));
  }

  /** Resolves a selection as the materialize route would, starting nothing. */
  private void selection(Context ctx) {
    String selection = QueryParams.of(ctx, "selection").text("selection");
    if (selection == null) {
      throw QueryParams.invalid("selection", null, "query parameter 'selection' is required");
    }
    String ns = namespace(ctx);
    CatalogMaterializer.Plan plan =
        plan(new CatalogMaterializer(namespaces.client(ctx), catalog(), ns), selection);
    ApiJson.write(
        ctx,
        200,
        new SelectionPreview(plan.selection(), plan.keys().stream().map(AssetKey::path).toList()));
  }

  /**
   * The plan of {@code selection}, or the 400 problem that names what is wrong with it (a selection
   * holding partitioned assets among them: they are materialized by partitions).
   */
  private static CatalogMaterializer.Plan plan(CatalogMaterializer materializer, String selection) {
    try {
      return materializer.plan(selection);
    } catch (AssetSelectionSyntaxException e) {
      throw ApiProblem.of(400, "invalid-selection", "Invalid selection", e.getMessage())
          .withField("selection", e.position());
    } catch (UnknownAssetException e) {
      throw ApiProblem.of(400, "unknown-asset", "Unknown asset", e.getMessage())
          .withField(
              "selection", String.join(", ", e.keys().stream().map(AssetKey::path).toList()));
    } catch (SelectionHasPartitionedAssetsException e) {
      throw ApiProblem.of(
              400,
              "selection-has-partitioned-assets",
              "Selection has partitioned assets",
              e.getMessage())
          .withField("selection", e.selection())
          .with("partitionedAssetKeys", e.partitionedKeys().stream().map(AssetKey::path).toList())
          .with("backfillSelection", e.backfillSelection());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.of(400, "invalid-selection", "Invalid selection", e.getMessage())
          .withField("selection", selection);
    }
  }

  private Map<String, AssetNodeRecord> nodes(String ns) {
    Map<String, AssetNodeRecord> nodes = new HashMap<>();
    catalog().graph(ns).forEach(n -> nodes.put(n.assetKey(), n));
    return nodes;
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

  private static ApiProblem notFound(String ns, String key) {
    return ApiProblem.notFound(
            "asset-not-found", "asset " + key + " is not in the graph of namespace '" + ns + "'")
        .withField("assetKey", key);
  }
}
