package dev.weft.store.assets;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One successful materialization of an asset's partition, with its provenance: the data version it
 * produced, the code version that produced it and the data version of every upstream asset it
 * consumed. Staleness is derived from these, never from times.
 *
 * @param assetKey the asset's key ({@code chain/raw_blocks})
 * @param partition the partition; {@code ""} for an unpartitioned asset (never null)
 * @param runId the run that materialized it; null when recorded outside a run
 * @param dataVersion the version of the data it produced (a hash, a row count, a block hash)
 * @param codeVersion the code version of the compute that ran; null for none
 * @param inputDataVersions upstream asset key to the data version consumed; copied, sorted by key
 * @param metadataJson what the compute reported (row counts, durations) as JSON; null for none
 * @param startedAt when the compute started
 * @param finishedAt when it finished, not before {@code startedAt}
 */
public record MaterializationRecord(
    String assetKey,
    String partition,
    String runId,
    String dataVersion,
    String codeVersion,
    Map<String, String> inputDataVersions,
    String metadataJson,
    Instant startedAt,
    Instant finishedAt) {

  /**
   * Validates the record and copies its inputs.
   *
   * @throws NullPointerException if a required field is null (named)
   * @throws IllegalArgumentException if a key is malformed, a version is blank, or it finished
   *     before it started
   */
  public MaterializationRecord {
    AssetFields.key("assetKey", assetKey);
    AssetFields.partition("partition", assetKey, partition);
    AssetFields.nullOrNotBlank("runId", assetKey, runId);
    AssetFields.notBlank("dataVersion", assetKey, dataVersion);
    AssetFields.nullOrNotBlank("codeVersion", assetKey, codeVersion);
    AssetFields.nonNull("inputDataVersions", assetKey, inputDataVersions);
    TreeMap<String, String> inputs = new TreeMap<>();
    inputDataVersions.forEach(
        (key, version) -> {
          AssetFields.key("inputDataVersions key", assetKey, key);
          if (version == null || version.isBlank()) {
            throw new IllegalArgumentException(
                "inputDataVersions["
                    + key
                    + "] (of asset "
                    + assetKey
                    + ") is "
                    + (version == null ? "null" : "blank")
                    + ": expected the data version consumed");
          }
          inputs.put(key, version);
        });
    inputDataVersions = Collections.unmodifiableMap(inputs);
    AssetFields.nonNull("startedAt", assetKey, startedAt);
    AssetFields.nonNull("finishedAt", assetKey, finishedAt);
    if (finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "materialization of "
              + assetKey
              + " finished at "
              + finishedAt
              + ", before it started at "
              + startedAt);
    }
  }
}
