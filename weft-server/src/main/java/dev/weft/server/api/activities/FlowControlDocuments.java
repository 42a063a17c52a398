package dev.weft.server.api.activities;

import dev.weft.server.http.ApiProblem;
import dev.weft.store.FlowControl;
import dev.weft.store.KeyLimit;
import dev.weft.store.Pause;
import dev.weft.store.RateLimit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The JSON bodies of the flow-control routes (schemas {@code FlowControl*} in the document). */
final class FlowControlDocuments {
  private FlowControlDocuments() {}

  /** {@code POST .../activity-types/{activityType}/pause}. */
  record PauseRequest(String reason) {}

  /** {@code FlowControlRateLimit}: a token bucket; {@code burst} defaults to ceil(perSecond). */
  record Rate(Double perSecond, Integer burst) {
    static Rate of(RateLimit r) {
      return r == null ? null : new Rate(r.perSecond(), r.burst());
    }

    /** The limit, checked; {@code prefix} is where it is in the request ({@code rate.}). */
    RateLimit toLimit(String prefix) {
      if (perSecond == null || !(perSecond > 0) || perSecond.isInfinite()) {
        throw ApiProblem.badField(
            prefix + "perSecond",
            perSecond,
            "field '" + prefix + "perSecond' is required: a positive number of starts a second");
      }
      if (burst == null) {
        return RateLimit.perSecond(perSecond);
      }
      if (burst < 1) {
        throw ApiProblem.badField(
            prefix + "burst", burst, "field '" + prefix + "burst' must be >= 1, was " + burst);
      }
      return new RateLimit(perSecond, burst);
    }
  }

  /** {@code FlowControlKeyLimit}: at most {@code maxRunning} at once and/or a start rate. */
  record KeyLimitDocument(Integer maxRunning, Rate rate) {
    static KeyLimitDocument of(KeyLimit k) {
      return new KeyLimitDocument(k.maxRunning(), Rate.of(k.rate()));
    }

    KeyLimit toLimit() {
      if (maxRunning == null && rate == null) {
        throw ApiProblem.badField(
            "maxRunning",
            null,
            "a key limit needs 'maxRunning' or 'rate' (to remove the limits, DELETE it)");
      }
      if (maxRunning != null && maxRunning < 1) {
        throw ApiProblem.badField(
            "maxRunning", maxRunning, "field 'maxRunning' must be >= 1, was " + maxRunning);
      }
      return new KeyLimit(maxRunning, rate == null ? null : rate.toLimit("rate."));
    }
  }

  /** {@code FlowControl}: the pauses and limits of every task queue, by name. */
  record FlowControlDocument(
      List<String> queues,
      Map<String, Pause> pausedQueues,
      Map<String, Map<String, Pause>> pausedActivityTypes,
      Map<String, Rate> queueRates,
      Map<String, Map<String, KeyLimitDocument>> keyLimits) {

    static FlowControlDocument of(FlowControl f) {
      Map<String, Map<String, Pause>> types = new TreeMap<>();
      f.pausedActivityTypes().forEach((q, byType) -> types.put(q, new TreeMap<>(byType)));
      Map<String, Rate> rates = new TreeMap<>();
      f.queueRates().forEach((q, r) -> rates.put(q, Rate.of(r)));
      Map<String, Map<String, KeyLimitDocument>> keys = new TreeMap<>();
      f.keyLimits()
          .forEach(
              (q, byKey) -> {
                Map<String, KeyLimitDocument> limits = new TreeMap<>();
                byKey.forEach((key, limit) -> limits.put(key, KeyLimitDocument.of(limit)));
                keys.put(q, limits);
              });
      return new FlowControlDocument(
          List.copyOf(new TreeSet<>(f.queues())),
          new TreeMap<>(f.pausedQueues()),
          types,
          rates,
          keys);
    }
  }
}
