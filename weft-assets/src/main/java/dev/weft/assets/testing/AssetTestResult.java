package dev.weft.assets.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.AssetOutcome;
import dev.weft.assets.InputContext;
import dev.weft.assets.MaterializationResult;
import dev.weft.assets.internal.Json;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.CheckResultRecord;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.StaleReason;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a materialization of {@link AssetTesting} did, and the catalog as it is now: each asset's
 * outcome in the run, its value (read back through its IO manager), its current materialization's
 * metadata and data version, its latest check results, its status and stale reasons. The reads
 * other than {@link #run()} and {@link #outcome} query the kit's catalog when called, so after a
 * {@link AssetTesting#redefine} they show the new statuses. Keys are {@code chain/raw_blocks} paths
 * or {@link AssetKey}s.
 *
 * <p>Closing a result that {@link AssetTesting#materialize(java.util.List, String)} returned closes
 * its kit; closing one that a kit's own {@code materialize} returned does nothing (close the kit).
 */
public final class AssetTestResult implements AutoCloseable {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final AssetTesting kit;
  private final MaterializationResult run;
  private final boolean ownsKit;

  AssetTestResult(AssetTesting kit, MaterializationResult run, boolean ownsKit) {
    this.kit = kit;
    this.run = run;
    this.ownsKit = ownsKit;
  }

  /** Returns the run's result: every asset's outcome and the failed blocking checks. */
  public MaterializationResult run() {
    return run;
  }

  /** Returns whether every asset materialized (or was observed) and no blocking check failed. */
  public boolean succeeded() {
    return run.succeeded();
  }

  /**
   * Returns how the asset fared in the run (materialized, observed, failed or skipped, with why).
   *
   * @throws NoSuchElementException if the asset was not in the run
   */
  public AssetOutcome outcome(String key) {
    return outcome(AssetKey.of(key));
  }

  /** See {@link #outcome(String)}. */
  public AssetOutcome outcome(AssetKey key) {
    return run.outcome(key)
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "asset " + key + " was not in the run; it ran " + keysOfRun()));
  }

  /**
   * Returns the asset's stored value, read through its IO manager as {@code type}.
   *
   * @throws IllegalStateException naming the asset if its IO manager cannot load it (never
   *     materialized, or not readable as {@code type})
   */
  public <T> T value(String key, Class<T> type) {
    return value(AssetKey.of(key), type);
  }

  /** See {@link #value(String, Class)}. */
  public <T> T value(AssetKey key, Class<T> type) {
    AssetNode node = node(key);
    try {
      return type.cast(kit.ioManager(node.spec().ioManager()).load(InputContext.of(key, type)));
    } catch (Exception e) {
      throw new IllegalStateException("asset " + key + ": cannot load its value as " + type, e);
    }
  }

  /** Returns the asset's status in the catalog now (fresh, stale, missing or failed). */
  public AssetStatus status(String key) {
    return state(AssetKey.of(key)).status();
  }

  /** See {@link #status(String)}. */
  public AssetStatus status(AssetKey key) {
    return state(key).status();
  }

  /** Returns why the asset is stale now (empty when it is not). */
  public List<StaleReason> staleReasons(String key) {
    return state(AssetKey.of(key)).reasons();
  }

  /** See {@link #staleReasons(String)}. */
  public List<StaleReason> staleReasons(AssetKey key) {
    return state(key).reasons();
  }

  /** Returns the latest result of each of the asset's checks, by check name. */
  public List<CheckResultRecord> checks(String key) {
    return checks(AssetKey.of(key));
  }

  /** See {@link #checks(String)}. */
  public List<CheckResultRecord> checks(AssetKey key) {
    node(key);
    return kit.catalog().latestChecks(kit.engine().namespace(), key.path(), "");
  }

  /**
   * Returns the latest result of one check of the asset.
   *
   * @throws NoSuchElementException naming the checks that ran if this one did not
   */
  public CheckResultRecord check(String key, String checkName) {
    List<CheckResultRecord> checks = checks(key);
    return checks.stream()
        .filter(c -> c.checkName().equals(checkName))
        .findFirst()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "asset "
                        + key
                        + " has no result of check "
                        + checkName
                        + "; results: "
                        + checks.stream().map(CheckResultRecord::checkName).toList()));
  }

  /**
   * Returns the metadata of the asset's current materialization (what the compute and its IO
   * manager reported).
   *
   * @throws IllegalStateException naming the asset if it has no current materialization
   */
  public Map<String, Object> metadata(String key) {
    String json = current(AssetKey.of(key)).metadataJson();
    if (json == null) {
      return Map.of();
    }
    try {
      return Json.mapper().readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("asset " + key + ": its metadata is not JSON: " + json, e);
    }
  }

  /**
   * Returns the data version of the asset's current materialization (its last observed one, for a
   * source).
   *
   * @throws IllegalStateException naming the asset if it has none
   */
  public String dataVersion(String key) {
    AssetStateRecord state = state(AssetKey.of(key));
    if (state.dataVersion() == null) {
      throw new IllegalStateException("asset " + key + " has no data version: " + state.status());
    }
    return state.dataVersion();
  }

  /**
   * Returns the asset's current materialization, with its provenance (code version, consumed input
   * versions, run).
   *
   * @throws IllegalStateException naming the asset if it was never materialized
   */
  public MaterializationRecord current(AssetKey key) {
    AssetStateRecord state = state(key);
    if (state.current() == null) {
      throw new IllegalStateException(
          "asset " + key + " has no current materialization: " + state.status());
    }
    return state.current();
  }

  /** Returns the asset's state in the catalog now. */
  public AssetStateRecord state(AssetKey key) {
    node(key);
    return kit.assets()
        .status(key)
        .orElseThrow(() -> new IllegalStateException("the catalog does not know asset " + key));
  }

  /** Closes the kit if this result came from the one-shot {@code AssetTesting.materialize}. */
  @Override
  public void close() {
    if (ownsKit) {
      kit.close();
    }
  }

  private AssetNode node(AssetKey key) {
    return kit.assets()
        .graph()
        .find(key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no asset " + key + "; the assets are " + kit.assets().graph().keys()));
  }

  private List<String> keysOfRun() {
    return run.outcomes().stream().map(o -> o.key().path()).toList();
  }
}
