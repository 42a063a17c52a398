package dev.weft.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.ComputeOptions;
import dev.weft.common.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A definition's {@link ComputeOptions} in its catalog JSON ({@code computeOptions}), so a node
 * without the asset code plans a materialization with the same retry policy and timeouts.
 */
public final class CatalogComputeOptions {
  private CatalogComputeOptions() {}

  /** Returns the options as JSON values (durations as ISO-8601 strings). */
  public static Map<String, Object> toJson(ComputeOptions options) {
    RetryPolicy p = options.retryPolicy();
    Map<String, Object> retry = new LinkedHashMap<>();
    retry.put("initialInterval", p.initialInterval().toString());
    retry.put("backoffCoefficient", p.backoffCoefficient());
    retry.put("maximumInterval", p.maximumInterval().toString());
    retry.put("maximumAttempts", p.maximumAttempts());
    retry.put("nonRetryableErrorTypes", p.nonRetryableErrorTypes());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("retryPolicy", retry);
    json.put("startToCloseTimeout", options.startToCloseTimeout().toString());
    json.put(
        "scheduleToCloseTimeout",
        options.scheduleToCloseTimeout() == null
            ? null
            : options.scheduleToCloseTimeout().toString());
    return json;
  }

  /**
   * Reads the options back; {@link ComputeOptions#DEFAULT} for a node registered without them.
   *
   * @throws IllegalArgumentException naming the asset if they are malformed
   */
  public static ComputeOptions fromJson(String assetKey, JsonNode json) {
    if (json == null || json.isMissingNode() || json.isNull()) {
      return ComputeOptions.DEFAULT;
    }
    try {
      JsonNode r = json.path("retryPolicy");
      List<String> types = new ArrayList<>();
      r.path("nonRetryableErrorTypes").forEach(t -> types.add(t.asText()));
      RetryPolicy policy =
          new RetryPolicy(
              Duration.parse(r.path("initialInterval").asText()),
              r.path("backoffCoefficient").asDouble(),
              Duration.parse(r.path("maximumInterval").asText()),
              r.path("maximumAttempts").asInt(),
              types);
      JsonNode scheduleToClose = json.path("scheduleToCloseTimeout");
      return new ComputeOptions(
          policy,
          Duration.parse(json.path("startToCloseTimeout").asText()),
          scheduleToClose.isTextual() ? Duration.parse(scheduleToClose.asText()) : null);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "asset " + assetKey + ": the catalog's computeOptions are malformed: " + e.getMessage(),
          e);
    }
  }
}
