package dev.weft.server.api.assets;

import dev.weft.assets.AssetKey;
import dev.weft.assets.CatalogPartitions;
import dev.weft.assets.UnknownAssetException;
import dev.weft.assets.internal.InvalidateOutcome;
import dev.weft.assets.internal.InvalidateWorkflow;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.partitions.AssetPartitionCounts;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.PartitionBucket;
import dev.weft.assets.partitions.PartitionGapPage;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionSpanPage;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.assets.partitions.Unpartitioned;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.assets.PartitionDocuments.Added;
import dev.weft.server.api.assets.PartitionDocuments.Bar;
import dev.weft.server.api.assets.PartitionDocuments.Bucket;
import dev.weft.server.api.assets.PartitionDocuments.DynamicKey;
import dev.weft.server.api.assets.PartitionDocuments.DynamicPage;
import dev.weft.server.api.assets.PartitionDocuments.DynamicRequest;
import dev.weft.server.api.assets.PartitionDocuments.InvalidateRequest;
import dev.weft.server.api.assets.PartitionDocuments.InvalidateResult;
import dev.weft.server.api.assets.PartitionDocuments.InvalidatedAsset;
import dev.weft.server.api.assets.PartitionDocuments.KeyStatus;
import dev.weft.server.api.assets.PartitionDocuments.Materialization;
import dev.weft.server.api.assets.PartitionDocuments.Range;
import dev.weft.server.api.assets.PartitionDocuments.RangePage;
import dev.weft.server.api.assets.PartitionDocuments.Removed;
import dev.weft.server.api.assets.PartitionDocuments.Summary;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.assets.partitions.DynamicPartitionPage;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Partitions over HTTP. The reads (summary, status bar, ranges in a status, one key) and the
 * dynamic keys are answered by any node from the catalog ({@link CatalogPartitions}: definitions
 * rebuilt from the catalog's graph). Invalidate needs the partition mappings, which are code: it
 * starts an {@code __weft_invalidate} workflow on the asset's code location's task queue and waits
 * for its answer, 503 {@code no-asset-host} when no node hosting the code answers in time.
 */
public final class PartitionRoutes implements RouteGroup {
  private static final String BASE = "/api/v1/namespaces/{namespace}";
  private static final String PARTITIONS = BASE + "/assets/{assetKey}/partitions";

  /** The prefix of this API's tokens of dynamic keys (the store's are bare numbers). */
  private static final String DYNAMIC_TOKEN = "keys-after:";

  private final WeftEngine engine;
  private final ServedNamespaces namespaces;
  private final Clock clock;
  private final Duration hostTimeout;

  /**
   * The partition routes of {@code engine}'s store for the namespaces {@code namespaces} serves;
   * time windows exist by {@code clock}; invalidate waits {@code hostTimeout} for a code host.
   */
  public PartitionRoutes(
      WeftEngine engine, ServedNamespaces namespaces, Clock clock, Duration hostTimeout) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hostTimeout = Objects.requireNonNull(hostTimeout, "hostTimeout");
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .get(PARTITIONS, ApiRole.READER, this::summary)
        .get(PARTITIONS + "/bar", ApiRole.READER, this::bar)
        .get(PARTITIONS + "/ranges", ApiRole.READER, this::ranges)
        .get(PARTITIONS + "/status", ApiRole.READER, this::status)
        .post(PARTITIONS + "/invalidate", ApiRole.OPERATOR, this::invalidate)
        .get(BASE + "/dynamic-partitions/{name}", ApiRole.READER, this::dynamicKeys)
        .post(BASE + "/dynamic-partitions/{name}", ApiRole.OPERATOR, this::addDynamic)
        .post(BASE + "/dynamic-partitions/{name}/remove", ApiRole.OPERATOR, this::removeDynamic);
  }

  private CatalogPartitions partitions(Context ctx) {
    namespaces.check(ctx);
    return new CatalogPartitions(engine.store(), ctx.pathParam("namespace"), clock);
  }

  private void summary(Context ctx) {
    QueryParams.of(ctx);
    CatalogPartitions partitions = partitions(ctx);
    AssetKey asset = key(ctx);
    PartitionsDefinition def = partitioned(partitions, asset);
    AssetPartitionCounts counts = partitions.counts(asset);
    ApiJson.write(
        ctx,
        200,
        new Summary(
            asset.path(),
            def.description(),
            def.toString(),
            counts.total(),
            PartitionDocuments.counts(counts),
            counts.sizeKnown(),
            partitions.firstKey(asset).orElse(null),
            partitions.lastKey(asset).orElse(null)));
  }

  private void bar(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "buckets", "from", "to");
    int buckets = params.integer("buckets", 1000, 1, 100_000);
    String from = params.text("from");
    String to = params.text("to");
    CatalogPartitions partitions = partitions(ctx);
    AssetKey asset = key(ctx);
    partitioned(partitions, asset);
    List<PartitionBucket> bar;
    try {
      bar = partitions.bar(asset, from, to, buckets);
    } catch (PartitionKeyException e) {
      throw invalidKey(e, e.key().equals(to) && !e.key().equals(from) ? "to" : "from");
    }
    List<Bucket> out = bar.stream().map(Bucket::of).toList();
    long total = bar.stream().mapToLong(b -> b.range().size()).sum();
    ApiJson.write(
        ctx,
        200,
        new Bar(
            asset.path(),
            out.isEmpty() ? from : out.get(0).from(),
            out.isEmpty() ? to : out.get(out.size() - 1).to(),
            total,
            out));
  }

  private void ranges(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "status", "pageSize", "pageToken");
    AssetPartitionStatus status = params.enumValue("status", AssetPartitionStatus.class);
    if (status == null) {
      throw QueryParams.invalid(
          "status",
          null,
          "query parameter 'status' is required: one of MATERIALIZED, STALE,"
              + " FAILED, IN_PROGRESS, MISSING");
    }
    int pageSize = params.integer("pageSize", 100, 1, 1000);
    String token = params.text("pageToken");
    CatalogPartitions partitions = partitions(ctx);
    AssetKey asset = key(ctx);
    partitioned(partitions, asset);
    List<Range> ranges = new ArrayList<>();
    String next;
    try {
      if (status == AssetPartitionStatus.MISSING) {
        PartitionGapPage page = partitions.missing(asset, token, pageSize);
        page.gaps().forEach(g -> ranges.add(Range.of(g)));
        next = page.nextPageToken();
      } else {
        PartitionSpanPage page = partitions.list(asset, status, token, pageSize);
        page.spans().forEach(s -> ranges.add(Range.of(s)));
        next = page.nextPageToken();
      }
    } catch (PartitionKeyException e) {
      throw invalidKey(e, "status");
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid("pageToken", token, e.getMessage());
    }
    ApiJson.write(ctx, 200, new RangePage(ranges, next));
  }

  private void status(Context ctx) {
    String key = QueryParams.of(ctx, "key").text("key");
    if (key == null) {
      throw QueryParams.invalid("key", null, "query parameter 'key' is required");
    }
    CatalogPartitions partitions = partitions(ctx);
    AssetKey asset = key(ctx);
    partitioned(partitions, asset);
    try {
      ApiJson.write(ctx, 200, KeyStatus.of(asset.path(), partitions.status(asset, key)));
    } catch (PartitionKeyException e) {
      throw invalidKey(e, "key");
    }
  }

  private void invalidate(Context ctx) {
    QueryParams.of(ctx);
    InvalidateRequest body = ApiJson.read(ctx, InvalidateRequest.class);
    CatalogPartitions partitions = partitions(ctx);
    String ns = ctx.pathParam("namespace");
    AssetKey asset = key(ctx);
    partitioned(partitions, asset);
    checkInvalidation(body, partitions, asset);
    dev.weft.assets.internal.InvalidateRequest request =
        new dev.weft.assets.internal.InvalidateRequest(
            asset.path(),
            body.from(),
            body.to(),
            body.keys(),
            body.reason(),
            Boolean.TRUE.equals(body.rematerialize()));
    String queue = MaterializeWorkflow.taskQueue(partitions.location(asset));
    WorkflowHandle<Object> handle =
        namespaces
            .client(ctx)
            .start(
                InvalidateWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                    .workflowId(InvalidateWorkflow.WORKFLOW_ID_PREFIX + UUID.randomUUID())
                    .taskQueue(queue)
                    .workflowExecutionTimeout(hostTimeout)
                    .build(),
                request);
    InvalidateOutcome outcome = await(handle, ns, queue);
    ApiJson.write(
        ctx,
        200,
        new InvalidateResult(
            outcome.invalidated().stream()
                .map(c -> new InvalidatedAsset(c.assetKey(), c.partitions()))
                .toList(),
            outcome.workflowId() == null
                ? null
                : new Materialization(outcome.workflowId(), outcome.runId())));
  }

  /** Checks the body and its keys against the catalog's definition before a host is asked. */
  private static void checkInvalidation(
      InvalidateRequest body, CatalogPartitions partitions, AssetKey asset) {
    if (body.reason() == null || body.reason().isBlank()) {
      throw ApiProblem.badField(
          "reason", body.reason(), "field 'reason' is required: why the partitions are invalid");
    }
    boolean range = body.from() != null || body.to() != null;
    boolean keys = body.keys() != null;
    if (range == keys) {
      throw ApiProblem.badField(
          range ? "keys" : "from",
          null,
          "give the partitions as 'from' and 'to' or as 'keys', "
              + (range ? "not both" : "one of them is required"));
    }
    if (range && (body.from() == null || body.to() == null)) {
      throw ApiProblem.badField(
          body.from() == null ? "from" : "to",
          null,
          "a range needs both 'from' and 'to' (both included)");
    }
    if (keys && body.keys().isEmpty()) {
      throw ApiProblem.badField("keys", body.keys(), "field 'keys' is empty: give at least one");
    }
    try {
      if (range) {
        partitions.range(asset, body.from(), body.to());
      } else {
        partitions.keys(asset, body.keys());
      }
    } catch (PartitionKeyException e) {
      String field = !range ? "keys" : e.key().equals(body.to()) ? "to" : "from";
      throw invalidKey(e, field);
    }
  }

  /** Waits for the host's answer: its outcome, its refusal as a problem, or 503. */
  private InvalidateOutcome await(WorkflowHandle<Object> handle, String ns, String queue) {
    try {
      handle.getResult(hostTimeout);
      return handle.getResult(InvalidateOutcome.class);
    } catch (CompletionException e) {
      if (e.getCause() instanceof TimeoutException) {
        throw noHost(handle, ns, queue);
      }
      throw e;
    } catch (WorkflowFailedException e) {
      ApplicationFailure refusal = refusal(e);
      if (refusal == null) {
        throw noHost(handle, ns, queue);
      }
      throw switch (refusal.getType()) {
        case "PartitionKeyException" ->
            ApiProblem.of(400, "invalid-partition-key", "Invalid partition key", message(refusal));
        case "UnknownAssetException" -> ApiProblem.notFound("asset-not-found", message(refusal));
        default ->
            ApiProblem.of(400, "invalid-invalidation", "Invalid invalidation", message(refusal));
      };
    }
  }

  private static String message(ApplicationFailure f) {
    String m = f.getMessage();
    return m == null ? f.getType() : m;
  }

  private static ApplicationFailure refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure a && a.isNonRetryable()) {
        return a;
      }
    }
    return null;
  }

  private ApiProblem noHost(WorkflowHandle<Object> handle, String ns, String queue) {
    try {
      handle.terminate("no node hosting the asset code answered within " + hostTimeout);
    } catch (RuntimeException alreadyClosed) {
      // it timed out (or ended) by itself
    }
    return ApiProblem.of(
            503,
            "no-asset-host",
            "No asset host",
            "no node hosting the asset code of namespace '"
                + ns
                + "' (task queue "
                + queue
                + ") answered within "
                + hostTimeout.toSeconds()
                + " s: start the app that defines the assets (weft server --app) and try again")
        .with("namespace", ns)
        .with("taskQueue", queue);
  }

  private void dynamicKeys(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "pageSize", "pageToken");
    int pageSize = params.integer("pageSize", 100, 1, 1000);
    String token = params.text("pageToken");
    CatalogPartitions partitions = partitions(ctx);
    String name = dynamicName(ctx);
    DynamicPartitionPage page;
    if (token != null && !token.startsWith(DYNAMIC_TOKEN)) {
      throw QueryParams.invalid(
          "pageToken", token, "page token '" + token + "' is not a nextPageToken of this route");
    }
    try {
      page =
          partitions.dynamicPartitions(
              name, token == null ? null : token.substring(DYNAMIC_TOKEN.length()), pageSize);
    } catch (IllegalArgumentException e) {
      throw QueryParams.invalid("pageToken", token, e.getMessage());
    }
    ApiJson.write(
        ctx,
        200,
        new DynamicPage(
            name,
            page.partitions().stream().map(DynamicKey::of).toList(),
            page.nextPageToken() == null ? null : DYNAMIC_TOKEN + page.nextPageToken()));
  }

  private void addDynamic(Context ctx) {
    QueryParams.of(ctx);
    List<String> keys = dynamicBody(ctx);
    CatalogPartitions partitions = partitions(ctx);
    String name = dynamicName(ctx);
    Map<String, Long> added;
    try {
      added = partitions.addDynamicPartitions(name, keys);
    } catch (PartitionKeyException e) {
      throw invalidKey(e, "keys");
    }
    List<DynamicKey> out = new ArrayList<>();
    added.forEach((k, i) -> out.add(new DynamicKey(k, i)));
    ApiJson.write(ctx, 200, new Added(name, out));
  }

  private void removeDynamic(Context ctx) {
    QueryParams.of(ctx);
    List<String> keys = dynamicBody(ctx);
    CatalogPartitions partitions = partitions(ctx);
    String name = dynamicName(ctx);
    try {
      partitions.removeDynamicPartitions(name, keys);
    } catch (PartitionKeyException e) {
      throw invalidKey(e, "keys");
    } catch (IllegalStateException e) {
      throw ApiProblem.of(409, "partition-in-use", "Partition in use", e.getMessage())
          .withField("keys", keys);
    }
    ApiJson.write(ctx, 200, new Removed(name, keys));
  }

  private static List<String> dynamicBody(Context ctx) {
    DynamicRequest body = ApiJson.read(ctx, DynamicRequest.class);
    if (body.keys() == null || body.keys().isEmpty()) {
      throw ApiProblem.badField(
          "keys", body.keys(), "field 'keys' is required: a non-empty list of keys");
    }
    return body.keys();
  }

  private static String dynamicName(Context ctx) {
    String name = ctx.pathParam("name");
    try {
      DynamicPartitions.named(name);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.of(400, "invalid-parameter", "Invalid parameter", e.getMessage())
          .withField("name", name);
    }
    return name;
  }

  /** The asset's definition: 404 for an unknown asset, 400 for an unpartitioned one. */
  private static PartitionsDefinition partitioned(CatalogPartitions partitions, AssetKey asset) {
    PartitionsDefinition def;
    try {
      def = partitions.definition(asset);
    } catch (UnknownAssetException e) {
      throw ApiProblem.notFound("asset-not-found", e.getMessage())
          .withField("assetKey", asset.path());
    }
    if (def instanceof Unpartitioned) {
      throw ApiProblem.of(
              400,
              "not-partitioned",
              "Not partitioned",
              "asset "
                  + asset
                  + " has no partitions: its status is the asset's own (GET /assets/"
                  + asset.path().replace("/", "%2F")
                  + ")")
          .withField("assetKey", asset.path());
    }
    return def;
  }

  private static ApiProblem invalidKey(PartitionKeyException e, String field) {
    return ApiProblem.of(400, "invalid-partition-key", "Invalid partition key", e.getMessage())
        .withField(field, e.key());
  }

  private static AssetKey key(Context ctx) {
    String raw = ctx.pathParam("assetKey");
    try {
      return AssetKey.of(raw);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.of(400, "invalid-asset-key", "Invalid asset key", e.getMessage())
          .withField("assetKey", raw);
    }
  }
}
