package dev.weft.server.api.assets;

import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetSelectionSyntaxException;
import dev.weft.assets.BackfillException;
import dev.weft.assets.BackfillRequest;
import dev.weft.assets.CatalogBackfills;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.UnknownAssetException;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.engine.WeftEngine;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.assets.BackfillDocuments.Backfill;
import dev.weft.server.api.assets.BackfillDocuments.DryRun;
import dev.weft.server.api.assets.BackfillDocuments.FailedPage;
import dev.weft.server.api.assets.BackfillDocuments.FailedRange;
import dev.weft.server.api.assets.BackfillDocuments.Page;
import dev.weft.server.api.assets.BackfillDocuments.Request;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.assets.backfills.BackfillChunkPage;
import dev.weft.store.assets.backfills.BackfillPage;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Backfills over HTTP ({@link CatalogBackfills}: any node answers; the backfill's workflow runs on
 * the nodes hosting the asset code): launch (or dry-run), list newest first, describe with progress
 * per asset, the failed ranges, pause, resume, cancel and retry of the failed partitions.
 */
public final class BackfillRoutes implements RouteGroup {
  private static final String BASE = "/api/v1/namespaces/{namespace}/backfills";

  private final WeftEngine engine;
  private final ServedNamespaces namespaces;
  private final Clock clock;

  /**
   * The backfill routes of {@code engine}'s store, for the namespaces {@code namespaces} serves.
   */
  public BackfillRoutes(WeftEngine engine, ServedNamespaces namespaces) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
    this.clock = Clock.systemUTC();
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .post(BASE, ApiRole.OPERATOR, this::launch)
        .get(BASE, ApiRole.READER, this::list)
        .get(BASE + "/{backfillId}", ApiRole.READER, this::describe)
        .get(BASE + "/{backfillId}/failed", ApiRole.READER, this::failed)
        .post(BASE + "/{backfillId}/pause", ApiRole.OPERATOR, ctx -> act(ctx, b -> b::pause, 200))
        .post(BASE + "/{backfillId}/resume", ApiRole.OPERATOR, ctx -> act(ctx, b -> b::resume, 200))
        .post(BASE + "/{backfillId}/cancel", ApiRole.OPERATOR, ctx -> act(ctx, b -> b::cancel, 200))
        .post(
            BASE + "/{backfillId}/retry-failed",
            ApiRole.OPERATOR,
            ctx -> act(ctx, b -> b::retryFailed, 202));
  }

  private CatalogBackfills backfills(Context ctx) {
    namespaces.check(ctx);
    return new CatalogBackfills(
        namespaces.client(ctx), engine.store(), ctx.pathParam("namespace"), clock);
  }

  private void launch(Context ctx) {
    QueryParams.of(ctx);
    Request body = ApiJson.read(ctx, Request.class);
    if (body.selection() == null || body.selection().isBlank()) {
      throw ApiProblem.badField("selection", body.selection(), "field 'selection' is required");
    }
    if (body.partitions() == null) {
      throw ApiProblem.badField(
          "partitions", null, "field 'partitions' is required: {\"from\",\"to\"} or {\"keys\"}");
    }
    int max =
        body.maxConcurrentRuns() == null
            ? BackfillRequest.DEFAULT_CONCURRENT_RUNS
            : body.maxConcurrentRuns();
    if (max < 1) {
      throw ApiProblem.badField(
          "maxConcurrentRuns", max, "maxConcurrentRuns is " + max + ": expected at least 1");
    }
    List<PartitionSelection> partitions;
    try {
      partitions = CatalogBackfills.parsePartitions(body.partitions().toString());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badField("partitions", body.partitions().toString(), e.getMessage());
    }
    BackfillRequest request = new BackfillRequest(body.selection(), partitions, max);
    CatalogBackfills backfills = backfills(ctx);
    if (Boolean.TRUE.equals(body.dryRun())) {
      ApiJson.write(
          ctx, 200, DryRun.of(refused(body.selection(), () -> backfills.dryRun(request))));
      return;
    }
    BackfillRecord launched = refused(body.selection(), () -> backfills.launch(request));
    ApiJson.write(ctx, 202, Backfill.of(launched, clock.instant()));
  }

  private void list(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "status", "pageSize", "pageToken");
    BackfillStatus status = params.enumValue("status", BackfillStatus.class);
    int pageSize = params.integer("pageSize", 20, 1, 1000);
    String token = params.text("pageToken");
    BackfillPage page;
    try {
      page = backfills(ctx).list(status, token, pageSize);
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid("pageToken", token, e.getMessage());
    }
    ApiJson.write(
        ctx,
        200,
        new Page(
            page.backfills().stream().map(b -> Backfill.of(b, clock.instant())).toList(),
            page.nextPageToken()));
  }

  private void describe(Context ctx) {
    QueryParams.of(ctx);
    BackfillRecord r = known(() -> backfills(ctx).describe(ctx.pathParam("backfillId")));
    ApiJson.write(ctx, 200, Backfill.of(r, clock.instant()));
  }

  private void failed(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "pageSize", "pageToken");
    int pageSize = params.integer("pageSize", 100, 1, 1000);
    String token = params.text("pageToken");
    BackfillChunkPage page;
    try {
      page = known(() -> backfills(ctx).failed(ctx.pathParam("backfillId"), token, pageSize));
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid("pageToken", token, e.getMessage());
    }
    ApiJson.write(
        ctx,
        200,
        new FailedPage(page.chunks().stream().map(FailedRange::of).toList(), page.nextPageToken()));
  }

  private void act(
      Context ctx,
      Function<CatalogBackfills, Function<String, BackfillRecord>> action,
      int status) {
    QueryParams.of(ctx);
    CatalogBackfills backfills = backfills(ctx);
    String id = ctx.pathParam("backfillId");
    BackfillRecord r = known(() -> action.apply(backfills).apply(id));
    ApiJson.write(ctx, status, Backfill.of(r, clock.instant()));
  }

  /** Runs a backfill operation, turning its refusals into 404 and 409 problems. */
  private static <T> T known(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (BackfillException e) {
      throw switch (e.reason()) {
        case NOT_FOUND ->
            ApiProblem.notFound("backfill-not-found", e.getMessage())
                .withField("backfillId", e.backfillId());
        case ENDED ->
            ApiProblem.of(409, "backfill-ended", "Backfill ended", e.getMessage())
                .withField("backfillId", e.backfillId());
        case NOTHING_FAILED ->
            ApiProblem.of(409, "nothing-failed", "Nothing failed", e.getMessage())
                .withField("backfillId", e.backfillId());
      };
    }
  }

  /** Runs a launch or dry run, turning its refusals into 400 problems naming the field. */
  private static <T> T refused(String selection, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (AssetSelectionSyntaxException e) {
      throw ApiProblem.of(400, "invalid-selection", "Invalid selection", e.getMessage())
          .withField("selection", e.position());
    } catch (UnknownAssetException e) {
      throw ApiProblem.of(400, "unknown-asset", "Unknown asset", e.getMessage())
          .withField(
              "selection", String.join(", ", e.keys().stream().map(AssetKey::path).toList()));
    } catch (PartitionKeyException e) {
      boolean empty = e.getMessage().contains("holds no partition");
      throw ApiProblem.of(
              400,
              empty ? "empty-partition-range" : "invalid-partition-key",
              empty ? "Empty partition range" : "Invalid partition key",
              e.getMessage())
          .withField("partitions", e.key());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.of(400, "invalid-selection", "Invalid selection", e.getMessage())
          .withField("selection", selection);
    }
  }
}
