package dev.weft.assets;

import dev.weft.assets.automation.AutomationCondition;
import dev.weft.assets.internal.AssetWorkers;
import dev.weft.assets.internal.CatalogPartitionsContext;
import dev.weft.assets.internal.LocationRegistration;
import dev.weft.assets.internal.MaterializeRequest;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.PartitionPlanner;
import dev.weft.assets.internal.Planner;
import dev.weft.assets.internal.StepRunner;
import dev.weft.assets.internal.automation.AutomationEvaluator;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.CheckResultRecord;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessViolationPage;
import dev.weft.store.assets.MaterializationPage;
import dev.weft.store.assets.automation.AutomationEvaluationPage;
import dev.weft.store.assets.automation.AutomationLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The assets of one engine's namespace: materialize a selection, read statuses, history, stale
 * assets and the graph. Materializations are durable workflows ({@code __weft_materialize}) on the
 * internal task queue {@code __weft_assets}, which this object registers on the engine; each
 * compute is an activity whose catalog record commits with its completion.
 *
 * <pre>{@code
 * WeftEngine engine = WeftEngine.builder().store(store).build();
 * Assets assets = Assets.builder(engine)
 *     .definitions(AnnotatedAssets.of(new ChainAssets()))
 *     .ioManager(IoManager.DEFAULT, FileIoManager.json(Path.of("data")))
 *     .build();                      // validates the graph, registers it in the catalog
 * engine.start();
 * MaterializationResult result = assets.materialize("+chain/daily_volume").await();
 * }</pre>
 *
 * <p>Thread-safe. Build it before {@code engine.start()}.
 */
public final class Assets {
  /** How many chunks of a partitioned materialization run at once unless told otherwise. */
  public static final int DEFAULT_CONCURRENT_CHUNKS = 16;

  private final WeftEngine engine;
  private final AssetGraph graph;
  private final String location;
  private final AssetPartitions partitions;
  private final AutomationEvaluator automation;
  private final Clock clock;
  private final AssetBackfills backfills;

  private Assets(
      WeftEngine engine,
      AssetGraph graph,
      String location,
      Clock clock,
      AutomationEvaluator automation) {
    this.clock = clock;
    this.engine = engine;
    this.graph = graph;
    this.location = location;
    this.partitions = AssetPartitions.of(engine.store(), engine.namespace(), graph, clock);
    this.automation = automation;
    this.backfills =
        new AssetBackfills(
            graph,
            location,
            new CatalogPartitionsContext(engine.store(), engine.namespace(), clock, graph),
            new CatalogBackfills(engine.client(), engine.store(), engine.namespace(), clock));
  }

  /**
   * Returns the backfills of these assets: launch, dry run, progress, pause, resume, cancel and
   * retry of the failed partitions.
   */
  public AssetBackfills backfills() {
    return backfills;
  }

  /** Returns a builder for the assets of this engine (not started yet). */
  public static Builder builder(WeftEngine engine) {
    return new Builder(engine);
  }

  /** Returns the code location of these definitions. */
  public String location() {
    return location;
  }

  /** Returns the validated graph of the definitions. */
  public AssetGraph graph() {
    return graph;
  }

  /**
   * Starts materializing the selection (see {@link AssetSelection} for the syntax), without
   * partitions: every selected asset must be unpartitioned (see {@link
   * #materialize(AssetSelection)}).
   *
   * @throws AssetSelectionSyntaxException naming the token and position of a syntax error
   * @throws UnknownAssetException naming unknown keys
   * @throws SelectionHasPartitionedAssetsException naming the partitioned assets the selection
   *     holds
   */
  public MaterializationHandle materialize(String selection) {
    return materialize(AssetSelection.parse(selection));
  }

  /**
   * Starts materializing the selection, without partitions. A selection that holds a partitioned
   * asset is refused before anything starts, also {@code *}, {@code group:} and {@code tag:}
   * selections of a graph that mixes both kinds: like Dagster's "Materialize all", which asks for
   * partitions rather than leave the partitioned assets out, a selected asset is never skipped
   * silently. Materialize partitions with {@link #materialize(String, PartitionSelection)} or a
   * backfill, and the unpartitioned assets by a selection of their own.
   *
   * @throws UnknownAssetException naming unknown keys
   * @throws SelectionHasPartitionedAssetsException naming the partitioned assets the selection
   *     holds
   */
  public MaterializationHandle materialize(AssetSelection selection) {
    Set<AssetKey> keys = selection.resolve(graph);
    List<AssetKey> partitioned =
        keys.stream().filter(k -> graph.node(k).definition().partitioning().partitioned()).toList();
    if (!partitioned.isEmpty()) {
      throw SelectionHasPartitionedAssetsException.of(
          selection.toString(), partitioned, partitioned.size() == keys.size());
    }
    return start(Planner.plan(selection.toString(), graph, keys));
  }

  /**
   * Starts materializing partitions of the selection (see {@link AssetSelection} for the syntax).
   * Every selected asset must have the same {@code PartitionsDefinition}; each step computes its
   * partitions in chunks of at most its {@code rangedCompute} size (1 by default), each chunk an
   * activity that commits {@code RecordPartitionsMaterialized} with its completion; a chunk starts
   * once the upstream chunks it reads committed, and a failed chunk holds back only its own
   * downstream chunks.
   *
   * <pre>{@code
   * assets.materialize("market/prices+", PartitionSelection.range("2024-01-01", "2024-01-03"))
   *     .await();
   * }</pre>
   *
   * @throws AssetSelectionSyntaxException naming the token and position of a syntax error
   * @throws UnknownAssetException naming unknown keys
   * @throws dev.weft.assets.partitions.PartitionKeyException naming asset, key and definition when
   *     a key is outside the definition or the range holds no partition
   * @throws IllegalArgumentException naming the asset when a selected asset is unpartitioned or an
   *     observable source, and each partitions definition with its assets when the selected assets
   *     have several (materialize each definition's assets by themselves)
   */
  public MaterializationHandle materialize(String selection, PartitionSelection partitions) {
    return materialize(selection, partitions, DEFAULT_CONCURRENT_CHUNKS);
  }

  /**
   * {@link #materialize(String, PartitionSelection)} with at most {@code maxConcurrentChunks}
   * compute calls running at once (default {@value #DEFAULT_CONCURRENT_CHUNKS}).
   *
   * @throws IllegalArgumentException when {@code maxConcurrentChunks} is below 1, or as {@link
   *     #materialize(String, PartitionSelection)}
   */
  public MaterializationHandle materialize(
      String selection, PartitionSelection partitions, int maxConcurrentChunks) {
    AssetSelection parsed = AssetSelection.parse(selection);
    MaterializeRequest plan = Planner.plan(parsed.toString(), graph, parsed.resolve(graph));
    return start(
        PartitionPlanner.plan(
            plan,
            graph,
            partitions,
            maxConcurrentChunks,
            new CatalogPartitionsContext(engine.store(), engine.namespace(), clock, graph).now()));
  }

  private MaterializationHandle start(MaterializeRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .workflowId(MaterializeWorkflow.WORKFLOW_ID_PREFIX + UUID.randomUUID())
            .taskQueue(MaterializeWorkflow.taskQueue(location))
            .build();
    return new MaterializationHandle(
        engine.client().start(MaterializeWorkflow.TYPE, options, request));
  }

  /** Returns the handle of a materialization started earlier (by this or a previous engine). */
  public MaterializationHandle handle(String workflowId) {
    return new MaterializationHandle(engine.client().getHandle(workflowId));
  }

  /** Returns the state of every asset of the namespace's graph, missing ones included. */
  public List<AssetStateRecord> status() {
    return catalog().states(engine.namespace());
  }

  /** Returns the state of one unpartitioned asset, if the catalog knows it. */
  public Optional<AssetStateRecord> status(AssetKey key) {
    return catalog().state(engine.namespace(), key.path(), "");
  }

  /** Returns a page of an asset's materializations and failures, newest first. */
  public MaterializationPage history(AssetKey key, String pageToken, int limit) {
    return catalog().history(engine.namespace(), key.path(), "", pageToken, limit);
  }

  /** Returns the latest result of each check of an unpartitioned asset. */
  public List<CheckResultRecord> checks(AssetKey key) {
    return catalog().latestChecks(engine.namespace(), key.path(), "");
  }

  /** Returns the stale assets, with their reasons. */
  public List<AssetStateRecord> stale() {
    return catalog().stale(engine.namespace());
  }

  /**
   * Returns the freshness of an asset with a policy: fresh until its deadline, or violated since
   * it; empty if the asset has no policy.
   */
  public Optional<FreshnessState> freshness(AssetKey key) {
    FreshnessCatalog freshness = engine.store().extension(FreshnessCatalog.class);
    return freshness
        .policy(engine.namespace(), key.path())
        .map(
            p ->
                p.kind() == FreshnessPolicyKind.PARTITION_DEADLINE
                    ? FreshnessState.ofPartitions(
                        p, freshness.openViolations(engine.namespace(), key.path()))
                    : FreshnessState.of(
                        p,
                        catalog().state(engine.namespace(), key.path(), "").orElse(null),
                        freshness.openViolation(engine.namespace(), key.path(), "").orElse(null)));
  }

  /** Returns a page of an asset's freshness violations, newest first. */
  public FreshnessViolationPage freshnessViolations(AssetKey key, String pageToken, int limit) {
    return engine
        .store()
        .extension(FreshnessCatalog.class)
        .violations(engine.namespace(), key.path(), pageToken, limit);
  }

  /** Returns the graph as the catalog keeps it (what other nodes and the UI read). */
  public List<AssetNodeRecord> catalogGraph() {
    return catalog().graph(engine.namespace());
  }

  /**
   * Returns the partition status of these assets (counts, status bar, lists, one key) and the
   * partition writes (invalidate with cascade, observations of partitioned sources, dynamic keys).
   */
  public AssetPartitions partitions() {
    return partitions;
  }

  /**
   * Returns the automation condition of an asset of these definitions; empty if it has none.
   *
   * @throws UnknownAssetException naming the key (and the closest ones) if it is not in the graph
   */
  public Optional<AutomationCondition> automationCondition(AssetKey key) {
    if (!graph.contains(key)) {
      throw UnknownAssetException.of(List.of(key), graph.keys());
    }
    return Optional.ofNullable(graph.node(key).spec().automation());
  }

  /**
   * Returns a page of the evaluations of an asset's automation condition, newest first: the
   * condition, whether it fired and why, the run it started and the change-log range it covered.
   *
   * @param pageToken null for the first page, else the previous page's {@code nextPageToken}
   * @param limit the most evaluations to return, at least 1
   */
  public AutomationEvaluationPage automationEvaluations(AssetKey key, String pageToken, int limit) {
    return engine
        .store()
        .extension(AutomationLog.class)
        .evaluations(engine.namespace(), key.path(), pageToken, limit);
  }

  /** Makes automation look at the catalog's changes now (it also does on every change). */
  public void evaluateAutomation() {
    if (automation != null) {
      automation.wake();
    }
  }

  private AssetCatalog catalog() {
    return engine.store().extension(AssetCatalog.class);
  }

  /** Builds {@link Assets}; not thread-safe. */
  public static final class Builder {
    private final WeftEngine engine;
    private final List<AssetsDefinition> definitions = new ArrayList<>();
    private final Map<String, IoManager> ioManagers = new LinkedHashMap<>();
    private Clock clock;
    private String location = AssetNodeRecord.DEFAULT_LOCATION;
    private Duration automationLease = Duration.ofSeconds(15);
    private Duration automationPoll = Duration.ofSeconds(5);

    Builder(WeftEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      this.clock = engine.clock().asJavaClock();
    }

    /** Adds definitions. */
    public Builder definitions(List<? extends AssetsDefinition> more) {
      definitions.addAll(more);
      return this;
    }

    /** Adds definitions. */
    public Builder definitions(AssetsDefinition... more) {
      return definitions(List.of(more));
    }

    /** Registers an IO manager under a name that asset specs use. */
    public Builder ioManager(String name, IoManager ioManager) {
      ioManagers.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(ioManager, "ioManager"));
      return this;
    }

    /**
     * Names the code location these definitions belong to, like a Dagster code location: the apps
     * sharing a namespace's graph each register under their own name, and a registration replaces
     * only its own location's assets (default {@value AssetNodeRecord#DEFAULT_LOCATION}). Give each
     * app (each {@code weft server --app}, each process on a shared PostgreSQL) its own name.
     */
    public Builder location(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("location must not be blank, was '" + name + "'");
      }
      this.location = name;
      return this;
    }

    /**
     * Sets how long a node keeps automation's lease of this namespace and location without renewing
     * it (default 15 seconds; renewed every third of it): when a node dies, another takes over
     * after this long. Automation also looks at the catalog every {@code poll} (default 5 seconds)
     * as a safety net; it is woken at once by every change.
     *
     * @throws IllegalArgumentException if a duration is not positive or the poll is longer than the
     *     lease
     */
    public Builder automationTiming(Duration lease, Duration poll) {
      if (lease.isNegative() || lease.isZero() || poll.isNegative() || poll.isZero()) {
        throw new IllegalArgumentException(
            "automation lease " + lease + " and poll " + poll + " must be positive");
      }
      if (poll.compareTo(lease) > 0) {
        throw new IllegalArgumentException(
            "automation poll " + poll + " must not be longer than the lease " + lease);
      }
      this.automationLease = lease;
      this.automationPoll = poll;
      return this;
    }

    /**
     * Sets the clock of the catalog's timestamps (default: the engine's clock, {@link
     * WeftEngine#clock()}). The catalog wakes the runs waiting on an asset at the time of the write
     * that satisfies them, so a clock other than the engine's delays those wake-ups (or makes them
     * early) by the difference between the two.
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Validates the graph, registers the materialization workflow and activities on the engine and
     * the graph in the catalog (in one store transaction: the location's definitions become exactly
     * these; other locations' stay).
     *
     * @throws InvalidAssetGraphException naming the keys of every problem of the graph
     * @throws IllegalArgumentException naming an asset whose IO manager is not registered
     * @throws IllegalStateException if the engine started already, or the catalog refused the graph
     *     (naming both locations of a key another location defines, or an upstream key no location
     *     defines)
     */
    public Assets build() {
      AssetGraph graph = AssetGraph.of(definitions);
      requireIoManagers(graph);
      Map<AssetKey, AssetSpec> specs = new LinkedHashMap<>();
      graph.nodes().forEach(node -> specs.put(node.key(), node.spec()));
      CatalogMaterializer catalogPlans =
          new CatalogMaterializer(
              engine.client(), engine.store().extension(AssetCatalog.class), engine.namespace());
      AtomicReference<Assets> built = new AtomicReference<>();
      new AssetWorkers(engine, location, graph, clock)
          .register(
              new StepRunner(ioManagers, specs, clock, engine.client()),
              selection -> catalogPlans.plan(selection).request(),
              new PartitionInvalidator(built::get));
      new LocationRegistration(engine, location, clock).register(graph);
      AutomationEvaluator automation = automation(graph);
      built.set(new Assets(engine, graph, location, clock, automation));
      return built.get();
    }

    private void requireIoManagers(AssetGraph graph) {
      for (AssetNode node : graph.nodes()) {
        boolean stored = node.kind() == AssetKind.COMPUTED || node.spec().type() != Void.class;
        if (stored && !ioManagers.containsKey(node.spec().ioManager())) {
          throw new IllegalArgumentException(
              "asset "
                  + node.key()
                  + " names IO manager '"
                  + node.spec().ioManager()
                  + "', which is not registered (registered: "
                  + ioManagers.keySet()
                  + ")");
        }
      }
    }

    /** Returns the location's automation, added to the engine; null if no asset has a condition. */
    private AutomationEvaluator automation(AssetGraph graph) {
      FreshnessCatalog freshness = engine.store().extension(FreshnessCatalog.class);
      AutomationEvaluator automation =
          new AutomationEvaluator(
              engine,
              location,
              graph,
              clock,
              automationLease,
              automationPoll,
              key -> !freshness.openViolations(engine.namespace(), key.path()).isEmpty());
      if (!automation.hasConditions()) {
        return null;
      }
      engine.addService(automation);
      return automation;
    }
  }
}
