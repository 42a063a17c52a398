package dev.weft.server.api.assets;

import dev.weft.assets.FreshnessState;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationRecord;
import java.time.Instant;
import java.util.List;

/**
 * The JSON documents of the freshness routes ({@code Freshness*} schemas of the OpenAPI document).
 */
final class FreshnessDocuments {
  private FreshnessDocuments() {}

  /** {@code FreshnessPolicy}. */
  record Policy(String kind, String maxLag, String deadline, Instant registeredAt) {
    static Policy of(FreshnessPolicyRecord p) {
      return new Policy(
          p.kind().name(),
          p.kind() == FreshnessPolicyKind.MAX_LAG ? p.maxLag().toString() : null,
          p.deadline() == null ? null : p.deadline().toString(),
          p.registeredAt());
    }
  }

  /** {@code FreshnessViolation}. */
  record Violation(
      long id,
      String assetKey,
      String partition,
      String policy,
      Instant deadline,
      Instant lastMaterializedAt,
      Instant recordedAt,
      Instant clearedAt,
      Long clearedByMaterializationId,
      String clearedByRunId,
      String clearReason) {
    static Violation of(FreshnessViolationRecord v) {
      return v == null
          ? null
          : new Violation(
              v.id(),
              v.assetKey(),
              v.partition(),
              v.policy(),
              v.deadline(),
              v.lastMaterializedAt(),
              v.recordedAt(),
              v.clearedAt(),
              v.clearedByMaterializationId(),
              v.clearedByRunId(),
              v.clearReason());
    }
  }

  /**
   * {@code FreshnessStatus}: status {@code NO_POLICY} (only the key), {@code FRESH} (with {@code
   * freshUntil}, absent for a partition deadline) or {@code VIOLATED} (with {@code violatedSince}
   * and the open violation: of a partitioned asset the oldest, with {@code latePartitions} naming
   * every partition late now).
   */
  record Status(
      String assetKey,
      String status,
      Policy policy,
      Instant freshUntil,
      Instant violatedSince,
      Instant lastMaterializedAt,
      Violation openViolation,
      List<String> latePartitions) {
    static Status none(String key) {
      return new Status(key, "NO_POLICY", null, null, null, null, null, null);
    }

    static Status of(String key, FreshnessState s) {
      boolean violated = s.status() == FreshnessState.Status.VIOLATED;
      return new Status(
          key,
          s.status().name(),
          Policy.of(s.policy()),
          violated ? null : s.deadline(),
          violated ? s.deadline() : null,
          s.lastMaterializedAt(),
          Violation.of(s.openViolation()),
          s.latePartitions().isEmpty() ? null : s.latePartitions());
    }
  }

  /** {@code FreshnessViolationPage}. */
  record ViolationPage(List<Violation> violations, String nextPageToken) {}

  /** {@code FreshnessOpenViolations}. */
  record OpenViolations(List<Violation> violations) {}
}
