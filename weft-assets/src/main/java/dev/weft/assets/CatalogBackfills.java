package dev.weft.assets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.assets.internal.BackfillInput;
import dev.weft.assets.internal.BackfillPartitions;
import dev.weft.assets.internal.BackfillWorkflow;
import dev.weft.assets.internal.CatalogPartitionsContext;
import dev.weft.assets.internal.Json;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.PartitionedRun;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.assets.partitions.PartitionsDefinitions;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.backfills.BackfillCatalog;
import dev.weft.store.assets.backfills.BackfillChunk;
import dev.weft.store.assets.backfills.BackfillChunkPage;
import dev.weft.store.assets.backfills.BackfillPage;
import dev.weft.store.assets.backfills.BackfillRecord;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.store.assets.backfills.ChunkStatus;
import dev.weft.store.assets.backfills.CreateBackfill;
import dev.weft.store.assets.backfills.SetBackfillStatus;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Backfills from the catalog alone, for a node that does not host the asset code (the API server):
 * launches check the selection against the catalog's graph and the partition keys against the
 * definition rebuilt from its description ({@link PartitionsDefinitions#fromDescription}, with the
 * catalog's dynamic keys), so a bad key is refused before anything is written, then record the
 * backfill and start its {@code __weft_backfill} workflow on the code location's task queue; pause,
 * resume and cancel move the row's status and signal the workflow.
 *
 * <p>Thread-safe.
 */
public final class CatalogBackfills {
  private static final ObjectMapper JSON = Json.mapper();

  private final WeftClient client;
  private final Store store;
  private final String namespace;
  private final Clock clock;
  private final CatalogMaterializer materializer;

  /** Backfills of {@code namespace} through {@code client} (a client of that namespace). */
  public CatalogBackfills(WeftClient client, Store store, String namespace, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.materializer =
        new CatalogMaterializer(client, store.extension(AssetCatalog.class), namespace);
  }

  /**
   * Parses a backfill's partitions as JSON: {@code {"from": KEY, "to": KEY}}, {@code {"keys":
   * [KEY...]}} or {@code {"ranges": [{"from","to"}...]}}.
   *
   * @throws IllegalArgumentException naming the field when it is none of these
   */
  public static List<PartitionSelection> parsePartitions(String json) {
    return BackfillPartitions.parse(json);
  }

  /**
   * Checks and starts a backfill; returns its row (REQUESTED).
   *
   * @throws AssetSelectionSyntaxException naming the token and position of a syntax error
   * @throws UnknownAssetException naming unknown keys
   * @throws dev.weft.assets.partitions.PartitionKeyException naming asset, key and definition when
   *     a key is outside the definition or a range holds no partition
   * @throws IllegalArgumentException naming an unpartitioned asset, or assets partitioned
   *     differently
   */
  public BackfillRecord launch(BackfillRequest request) {
    Checked checked = check(request);
    return start(
        checked.selection,
        checked.location,
        request.partitions(),
        request.maxConcurrentRuns(),
        null);
  }

  /**
   * Returns what the backfill would run, per asset, without running it.
   *
   * @throws IllegalArgumentException as {@link #launch}
   */
  public BackfillDryRun dryRun(BackfillRequest request) {
    Checked checked = check(request);
    List<BackfillDryRun.Asset> assets = new ArrayList<>();
    for (String key : checked.keys) {
      assets.add(
          new BackfillDryRun.Asset(
              key, checked.indexes.size(), runs(checked.indexes, checked.maxPerRun.get(key))));
    }
    return dryRun(checked.selection, assets);
  }

  static BackfillDryRun dryRun(String selection, List<BackfillDryRun.Asset> assets) {
    long partitions = 0;
    long runs = 0;
    for (BackfillDryRun.Asset a : assets) {
      partitions += a.partitions();
      runs += a.runs();
    }
    return new BackfillDryRun(selection, assets, partitions, runs);
  }

  /** How many compute calls of at most {@code max} partitions cover the indexes. */
  static long runs(IndexRangeSet indexes, int max) {
    long runs = 0;
    for (IndexRange r : indexes.ranges()) {
      runs += (r.end() - r.start() + max - 1) / max;
    }
    return runs;
  }

  /**
   * Returns the backfill.
   *
   * @throws BackfillException NOT_FOUND when the namespace has no such backfill
   */
  public BackfillRecord describe(String backfillId) {
    return find(backfillId)
        .orElseThrow(
            () ->
                new BackfillException(
                    BackfillException.Reason.NOT_FOUND,
                    backfillId,
                    "backfill " + backfillId + " is not in namespace " + namespace));
  }

  /** Returns the backfill, if the namespace has it. */
  public Optional<BackfillRecord> find(String backfillId) {
    return catalog().describe(namespace, backfillId);
  }

  /** Returns a page of the namespace's backfills, newest first (status null for all). */
  public BackfillPage list(BackfillStatus status, String pageToken, int limit) {
    return catalog().list(namespace, status, pageToken, limit);
  }

  /**
   * Returns a page of the backfill's failed ranges (per asset, with their error).
   *
   * @throws BackfillException NOT_FOUND when the namespace has no such backfill
   */
  public BackfillChunkPage failed(String backfillId, String pageToken, int limit) {
    describe(backfillId);
    return catalog().chunks(namespace, backfillId, ChunkStatus.FAILED, pageToken, limit);
  }

  /**
   * Pauses the backfill: it starts no new compute until resumed; running ones end.
   *
   * @throws BackfillException NOT_FOUND, or ENDED when it ended or is being canceled
   */
  public BackfillRecord pause(String backfillId) {
    return move(backfillId, BackfillStatus.PAUSED, BackfillWorkflow.PAUSE);
  }

  /**
   * Resumes a paused backfill.
   *
   * @throws BackfillException NOT_FOUND, or ENDED when it ended or is being canceled
   */
  public BackfillRecord resume(String backfillId) {
    return move(backfillId, BackfillStatus.RUNNING, BackfillWorkflow.RESUME);
  }

  /**
   * Cancels the backfill: it starts no new compute and ends CANCELED once running ones ended.
   *
   * @throws BackfillException NOT_FOUND, or ENDED when it ended already
   */
  public BackfillRecord cancel(String backfillId) {
    return move(backfillId, BackfillStatus.CANCELING, BackfillWorkflow.CANCEL);
  }

  /**
   * Starts a new backfill over exactly the partitions that failed or were skipped in this one, of
   * the assets they belong to ({@code retryOf} = this backfill's ID).
   *
   * @throws BackfillException NOT_FOUND, or NOTHING_FAILED when no partition failed or was skipped
   */
  public BackfillRecord retryFailed(String backfillId) {
    BackfillRecord old = describe(backfillId);
    List<BackfillChunk> chunks = new ArrayList<>();
    chunks.addAll(all(backfillId, ChunkStatus.FAILED));
    chunks.addAll(all(backfillId, ChunkStatus.SKIPPED));
    if (chunks.isEmpty()) {
      throw new BackfillException(
          BackfillException.Reason.NOTHING_FAILED,
          backfillId,
          "backfill " + backfillId + " (" + old.status() + ") has no failed partition to retry");
    }
    List<String> assets = new ArrayList<>();
    Map<Long, BackfillChunk> byStart = new TreeMap<>();
    for (BackfillChunk c : chunks) {
      if (!assets.contains(c.assetKey())) {
        assets.add(c.assetKey());
      }
      BackfillChunk seen = byStart.get(c.start());
      if (seen == null || seen.end() < c.end()) {
        byStart.put(c.start(), c);
      }
    }
    List<PartitionSelection> partitions = new ArrayList<>();
    boolean singles = byStart.values().stream().allMatch(c -> c.partitions() == 1);
    if (singles) {
      partitions.add(
          PartitionSelection.keys(byStart.values().stream().map(BackfillChunk::fromKey).toList()));
    } else {
      byStart
          .values()
          .forEach(c -> partitions.add(PartitionSelection.range(c.fromKey(), c.toKey())));
    }
    return start(
        String.join(", ", assets), old.location(), partitions, old.maxConcurrentRuns(), backfillId);
  }

  private List<BackfillChunk> all(String backfillId, ChunkStatus status) {
    List<BackfillChunk> out = new ArrayList<>();
    String token = null;
    do {
      BackfillChunkPage page = catalog().chunks(namespace, backfillId, status, token, 1_000);
      out.addAll(page.chunks());
      token = page.nextPageToken();
    } while (token != null);
    return out;
  }

  /** Records a backfill and starts its workflow; returns its row. */
  BackfillRecord start(
      String selection,
      String location,
      List<PartitionSelection> partitions,
      int maxConcurrentRuns,
      String retryOf) {
    String id = "bf-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String workflowId = BackfillWorkflow.WORKFLOW_ID_PREFIX + id;
    CommitResult created =
        store
            .commit(
                Batch.of(
                    new CreateBackfill(
                        namespace,
                        id,
                        location,
                        selection,
                        BackfillPartitions.toJson(partitions),
                        maxConcurrentRuns,
                        retryOf,
                        workflowId,
                        clock.instant())))
            .join();
    if (created instanceof CommitResult.Conflict conflict) {
      throw new IllegalStateException(conflict.reason());
    }
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .workflowId(workflowId)
            .taskQueue(MaterializeWorkflow.taskQueue(location))
            .build();
    try {
      client.start(BackfillWorkflow.TYPE, options, new BackfillInput(id, 0));
    } catch (RuntimeException e) {
      // the row must not stay REQUESTED with no workflow behind it
      store
          .commit(
              Batch.of(
                  new SetBackfillStatus(namespace, id, BackfillStatus.FAILED, clock.instant())))
          .join();
      throw e;
    }
    return describe(id);
  }

  private BackfillRecord move(String backfillId, BackfillStatus status, String signal) {
    BackfillRecord row = describe(backfillId);
    CommitResult moved =
        store
            .commit(Batch.of(new SetBackfillStatus(namespace, backfillId, status, clock.instant())))
            .join();
    if (moved instanceof CommitResult.Conflict conflict) {
      throw new BackfillException(BackfillException.Reason.ENDED, backfillId, conflict.reason());
    }
    client.getHandle(row.workflowId()).signal(signal);
    return describe(backfillId);
  }

  private BackfillCatalog catalog() {
    return store.extension(BackfillCatalog.class);
  }

  /** A request checked against the catalog. */
  private record Checked(
      String selection,
      String location,
      List<String> keys,
      Map<String, Integer> maxPerRun,
      IndexRangeSet indexes) {}

  private Checked check(BackfillRequest request) {
    CatalogMaterializer.Plan plan = materializer.resolve(request.selection());
    Map<String, AssetNodeRecord> nodes = new HashMap<>();
    store.extension(AssetCatalog.class).graph(namespace).forEach(n -> nodes.put(n.assetKey(), n));
    List<String> keys = new ArrayList<>();
    Map<String, Integer> maxPerRun = new LinkedHashMap<>();
    JsonNode description = null;
    String first = null;
    for (AssetKey key : plan.keys()) {
      JsonNode def = parse(nodes.get(key.path()));
      JsonNode partitions = def.path("partitions");
      if (partitions.isMissingNode() || partitions.isNull()) {
        throw PartitionedRun.BACKFILL.unpartitioned(key, request.partitions());
      }
      if (description == null) {
        description = partitions;
        first = key.path();
      } else if (!description.equals(partitions)) {
        throw PartitionedRun.BACKFILL.notShared(first, description, key, partitions);
      }
      keys.add(key.path());
      maxPerRun.put(key.path(), Math.max(1, def.path("maxPartitionsPerRun").asInt(1)));
    }
    PartitionsDefinition def = definition(first, description);
    PartitionsContext ctx = context(clock.instant());
    IndexRangeSet indexes =
        BackfillPartitions.resolve(AssetKey.of(first), def, request.partitions(), ctx);
    return new Checked(plan.selection(), plan.location(), keys, maxPerRun, indexes);
  }

  /** The definition the catalog describes (every built-in one, dynamic and multi included). */
  private static PartitionsDefinition definition(String asset, JsonNode description) {
    try {
      return PartitionsDefinitions.fromDescription(
          JSON.convertValue(description, new TypeReference<Map<String, Object>>() {}));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "asset " + asset + ": the catalog's partitions cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The partitions context of this namespace's catalog at {@code now}: its dynamic keys and the
   * current ends of its named integer ranges, so a backfill plans up to the recorded head.
   */
  PartitionsContext context(Instant now) {
    return CatalogPartitionsContext.at(store, namespace, now);
  }

  private static JsonNode parse(AssetNodeRecord r) {
    try {
      return JSON.readTree(r.definitionJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "asset " + r.assetKey() + ": its catalog definition is not JSON", e);
    }
  }
}
