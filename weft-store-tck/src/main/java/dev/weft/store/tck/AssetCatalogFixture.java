package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;

import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetKind;
import dev.weft.store.assets.AssetNodeRecord;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetWaiterRecord;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.RecordMaterializationFailure;
import dev.weft.store.assets.RecordObservation;
import dev.weft.store.assets.RegisterAssetGraph;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the asset catalog contracts share: a clock that moves one second per write, graph builders,
 * and writes that record materializations with the provenance a real run would record (the data
 * versions its upstream assets have when it runs).
 */
public abstract class AssetCatalogFixture extends StoreContract {
  /** The namespace the contracts write to. */
  protected static final String NS = "default";

  private long seconds;

  /** Returns the catalog reads of the store under test. */
  protected final AssetCatalog catalog() {
    return store.extension(AssetCatalog.class);
  }

  /** Returns a time one second after the last one handed out (whole milliseconds). */
  protected final Instant tick() {
    return T0.plusSeconds(++seconds);
  }

  /** A computed asset of group {@code main}. */
  protected static AssetNodeRecord computed(String key, String codeVersion, String... upstream) {
    return new AssetNodeRecord(
        key, AssetKind.COMPUTED, codeVersion, List.of(upstream), "main", null);
  }

  /** An observable source asset of group {@code sources}. */
  protected static AssetNodeRecord source(String key) {
    return new AssetNodeRecord(key, AssetKind.OBSERVABLE_SOURCE, null, List.of(), "sources", null);
  }

  /** Registers the graph of {@link #NS} at the next tick and returns the time. */
  protected final Instant register(AssetNodeRecord... nodes) {
    Instant at = tick();
    commitOk(new RegisterAssetGraph(NS, List.of(nodes), at));
    return at;
  }

  /**
   * Records a materialization of {@code key} (partition {@code ""}) producing {@code dataVersion}
   * with {@code codeVersion}, having consumed the current data version of each of {@code upstream}.
   */
  protected final MaterializationRecord materialize(
      String key, String dataVersion, String codeVersion, String... upstream) {
    return materializeIn("", key, dataVersion, codeVersion, upstream);
  }

  /** {@link #materialize} in a partition; the upstream versions are read in the same partition. */
  protected final MaterializationRecord materializeIn(
      String partition, String key, String dataVersion, String codeVersion, String... upstream) {
    Map<String, String> inputs = new HashMap<>();
    for (String up : upstream) {
      inputs.put(up, state(up, partition).dataVersion());
    }
    return record(partition, key, dataVersion, codeVersion, inputs);
  }

  /** Records a materialization with exactly these consumed input versions. */
  protected final MaterializationRecord record(
      String partition,
      String key,
      String dataVersion,
      String codeVersion,
      Map<String, String> inputs) {
    Instant started = tick();
    MaterializationRecord m =
        new MaterializationRecord(
            key,
            partition,
            "run-" + key,
            dataVersion,
            codeVersion,
            inputs,
            "{\"rows\":1}",
            started,
            started.plusMillis(250));
    commitOk(new RecordMaterialization(NS, m));
    return m;
  }

  /**
   * Records a failed materialization of {@code key} (partition {@code ""}) and returns its time.
   */
  protected final Instant fail(String key, String message) {
    Instant at = tick();
    commitOk(
        new RecordMaterializationFailure(
            NS, key, "", "run-" + key, "IllegalStateException", message, at));
    return at;
  }

  /** Records an observation of a source (partition {@code ""}) and returns its time. */
  protected final Instant observe(String key, String dataVersion) {
    Instant at = tick();
    commitOk(new RecordObservation(NS, key, "", dataVersion, null, at));
    return at;
  }

  /** Returns the state of {@code key} in partition {@code ""}, failing if the catalog has none. */
  protected final AssetStateRecord state(String key) {
    return state(key, "");
  }

  /** Returns the state of {@code key} in a partition, failing if the catalog has none. */
  protected final AssetStateRecord state(String key, String partition) {
    return catalog()
        .state(NS, key, partition)
        .orElseThrow(() -> new AssertionError("no state of " + key + " '" + partition + "'"));
  }

  /** The events in a run's inbox, as text (the waiters' wake-up events are {@code "wake <id>"}). */
  protected final List<String> inboxOf(String runId) {
    return store.readInbox(runId).stream()
        .map(r -> new String(r.data(), StandardCharsets.UTF_8))
        .toList();
  }

  /** The IDs of the waiters of {@link #NS}, oldest first. */
  protected final List<String> waiters() {
    return catalog().waiters(NS).stream().map(AssetWaiterRecord::waiterId).toList();
  }
}
