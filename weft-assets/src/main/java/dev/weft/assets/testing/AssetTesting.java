package dev.weft.assets.testing;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetKind;
import dev.weft.assets.AssetNode;
import dev.weft.assets.AssetSelection;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.MaterializationResult;
import dev.weft.assets.OutputContext;
import dev.weft.assets.StoredOutput;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Batch;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.RecordObservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Materializes assets in-process for tests, like Dagster's {@code materialize()}: a throwaway
 * engine on a real SQLite store in a temporary directory (the real engine and catalog, not a fake),
 * IO managers in memory unless given, and upstream values given by the test recorded as
 * materialized (in the catalog, values in their IO manager) so a selection may start below them.
 *
 * <pre>{@code
 * try (AssetTesting kit = AssetTesting.builder(new ChainAssets().definitions())
 *         .withValue("chain/raw_blocks", List.of(block1, block2))
 *         .build()) {
 *   AssetTestResult result = kit.materialize("chain/decoded_blocks+");
 *   assertThat(result.succeeded()).isTrue();
 *   assertThat(result.value("chain/decoded_blocks", List.class)).hasSize(2);
 *   assertThat(result.checks("chain/decoded_blocks")).allMatch(CheckResultRecord::passed);
 * }
 * // or, for one selection: try (AssetTestResult r = AssetTesting.materialize(defs, "*")) {...}
 * }</pre>
 *
 * <p>{@link #redefine} restarts the engine on the same store with new definitions, as a deploy
 * does, so code-version changes and the staleness they cause can be asserted. Not thread-safe: one
 * test drives a kit. {@link #close()} stops the engine and deletes the store.
 */
public final class AssetTesting implements AutoCloseable {
  private final ThrowawayStore files;
  private final Map<String, IoManager> ioManagers;
  private final Duration timeout;
  private final String nodeId;
  private WeftEngine engine;
  private Assets assets;

  private AssetTesting(Builder b) {
    this.ioManagers = new LinkedHashMap<>(b.ioManagers);
    this.timeout = b.timeout;
    this.nodeId = "asset-testing";
    this.files = ThrowawayStore.create();
    try {
      start(b.definitions);
      seed(b.values);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Returns a builder for these definitions. */
  public static Builder builder(List<? extends AssetsDefinition> definitions) {
    return new Builder(definitions);
  }

  /** Returns a builder for these definitions. */
  public static Builder builder(AssetsDefinition... definitions) {
    return new Builder(List.of(definitions));
  }

  /**
   * Materializes the selection of these definitions on a new kit, in-memory IO managers, no given
   * values; closing the result closes the kit.
   *
   * @throws dev.weft.assets.InvalidAssetGraphException naming the keys of a bad graph
   * @throws dev.weft.assets.UnknownAssetException naming unknown keys of the selection
   * @throws dev.weft.assets.SelectionHasPartitionedAssetsException naming the partitioned assets
   *     the selection holds (materialize their partitions on the kit's {@code Assets} instead)
   * @throws java.util.concurrent.CompletionException wrapping a TimeoutException if it did not
   *     finish within the timeout (default 60 s)
   */
  public static AssetTestResult materialize(
      List<? extends AssetsDefinition> definitions, String selection) {
    return builder(definitions).materialize(selection);
  }

  /**
   * Materializes the selection and waits for it to finish; a failed compute or check is an outcome
   * of the result, not an exception.
   *
   * @throws dev.weft.assets.AssetSelectionSyntaxException naming the token of a syntax error
   * @throws dev.weft.assets.UnknownAssetException naming unknown keys
   * @throws dev.weft.assets.SelectionHasPartitionedAssetsException naming the partitioned assets
   *     the selection holds
   * @throws java.util.concurrent.CompletionException wrapping a TimeoutException if it did not
   *     finish within the timeout
   */
  public AssetTestResult materialize(String selection) {
    return materialize(AssetSelection.parse(selection));
  }

  /** Materializes the selection and waits for it to finish (see {@link #materialize(String)}). */
  public AssetTestResult materialize(AssetSelection selection) {
    MaterializationResult run = assets.materialize(selection).await(timeout);
    return new AssetTestResult(this, run, false);
  }

  /**
   * Restarts the engine on the same store with new definitions, as a deploy does: the graph is
   * registered again (an asset whose code version changed becomes stale, with the reason), IO
   * managers and their values are kept.
   *
   * @throws dev.weft.assets.InvalidAssetGraphException naming the keys of a bad graph
   */
  public void redefine(List<? extends AssetsDefinition> definitions) {
    engine.close();
    start(List.copyOf(definitions));
  }

  /** Returns the assets facade of the running engine (status, history, stale, graph). */
  public Assets assets() {
    return assets;
  }

  /** Returns the running engine (to start workflows that meet the assets). */
  public WeftEngine engine() {
    return engine;
  }

  /** Returns the IO manager of this name (an in-memory one unless the builder was given one). */
  public IoManager ioManager(String name) {
    IoManager io = ioManagers.get(name);
    if (io == null) {
      throw new IllegalArgumentException(
          "no IO manager named '" + name + "'; the kit has " + ioManagers.keySet());
    }
    return io;
  }

  AssetCatalog catalog() {
    return engine.store().extension(AssetCatalog.class);
  }

  /** Stops the engine and deletes the store. Idempotent. */
  @Override
  public void close() {
    if (engine != null) {
      engine.close();
      engine = null;
      files.delete();
    }
  }

  private void start(List<? extends AssetsDefinition> definitions) {
    AssetGraph graph = AssetGraph.of(definitions);
    for (AssetNode node : graph.nodes()) {
      ioManagers.computeIfAbsent(node.spec().ioManager(), n -> new InMemoryIoManager());
    }
    engine = WeftEngine.builder().store(files.open()).nodeId(nodeId).build();
    Assets.Builder builder = Assets.builder(engine).definitions(definitions);
    ioManagers.forEach(builder::ioManager);
    assets = builder.build();
    engine.start();
  }

  /** Records each given value as materialized (observed, for a source), in dependency order. */
  private void seed(Map<AssetKey, Object> values) {
    AssetGraph graph = assets.graph();
    for (AssetKey key : graph.sorted(values.keySet())) {
      AssetNode node = graph.node(key);
      Object value = values.get(key);
      StoredOutput stored;
      try {
        stored =
            ioManager(node.spec().ioManager())
                .store(new OutputContext(key, "", node.spec()), value);
      } catch (Exception e) {
        throw new IllegalStateException(
            "asset " + key + ": its IO manager cannot store the given value: " + e, e);
      }
      Instant now = Clock.systemUTC().instant();
      String version = stored.dataVersion().value();
      if (node.kind() == AssetKind.OBSERVABLE_SOURCE) {
        commit(new RecordObservation(engine.namespace(), key.path(), "", version, null, now));
      } else {
        Map<String, String> consumed = new TreeMap<>();
        for (AssetKey up : node.upstream()) {
          catalog()
              .state(engine.namespace(), up.path(), "")
              .map(AssetStateRecord::dataVersion)
              .ifPresent(v -> consumed.put(up.path(), v));
        }
        commit(
            new RecordMaterialization(
                engine.namespace(),
                new MaterializationRecord(
                    key.path(),
                    "",
                    null,
                    version,
                    node.spec().codeVersion(),
                    consumed,
                    "{\"given\":true}",
                    now,
                    now)));
      }
    }
  }

  private void commit(dev.weft.store.Write write) {
    engine.store().commit(Batch.of(write)).join();
  }

  /** Configures an {@link AssetTesting}; not thread-safe. */
  public static final class Builder {
    private final List<AssetsDefinition> definitions;
    private final Map<String, IoManager> ioManagers = new LinkedHashMap<>();
    private final Map<AssetKey, Object> values = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(60);

    Builder(List<? extends AssetsDefinition> definitions) {
      this.definitions = new ArrayList<>(Objects.requireNonNull(definitions, "definitions"));
    }

    /**
     * Gives an asset's value: stored through its IO manager and recorded in the catalog as
     * materialized (with the asset's code version and metadata {@code {"given": true}}) before
     * anything runs. The key must be one of the definitions' assets.
     */
    public Builder withValue(AssetKey key, Object value) {
      values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Gives an asset's value (see {@link #withValue(AssetKey, Object)}). */
    public Builder withValue(String key, Object value) {
      return withValue(AssetKey.of(key), value);
    }

    /** Uses this IO manager under this name (every other name gets an in-memory one). */
    public Builder ioManager(String name, IoManager ioManager) {
      ioManagers.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(ioManager, "ioManager"));
      return this;
    }

    /** Sets how long {@code materialize} waits for a run (default 60 s). */
    public Builder timeout(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + value);
      }
      this.timeout = value;
      return this;
    }

    /**
     * Starts the kit: validates the graph, starts the engine, records the given values.
     *
     * @throws dev.weft.assets.InvalidAssetGraphException naming the keys of a bad graph
     * @throws IllegalArgumentException naming a given key that no definition has
     * @throws IllegalStateException if weft-store-sqlite is missing or an IO manager cannot store a
     *     given value (naming the asset)
     */
    public AssetTesting build() {
      AssetGraph graph = AssetGraph.of(definitions);
      for (AssetKey key : values.keySet()) {
        if (graph.find(key).isEmpty()) {
          throw new IllegalArgumentException(
              "withValue("
                  + key
                  + "): no definition has this asset; the assets are "
                  + graph.keys());
        }
      }
      return new AssetTesting(this);
    }

    /**
     * Starts a kit, materializes the selection and returns its result, which closes the kit when
     * closed.
     */
    public AssetTestResult materialize(String selection) {
      AssetTesting kit = build();
      try {
        return new AssetTestResult(kit, kit.materialize(selection).run(), true);
      } catch (RuntimeException e) {
        kit.close();
        throw e;
      }
    }
  }
}
