package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessPolicyKind;
import dev.weft.store.assets.FreshnessPolicyRecord;
import dev.weft.store.assets.FreshnessViolationPage;
import dev.weft.store.assets.FreshnessViolationRecord;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordFreshnessViolation;
import dev.weft.store.assets.RegisterAssetGraph;
import dev.weft.store.assets.RegisterFreshnessPolicies;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins freshness policies and violations ({@link RegisterFreshnessPolicies}, {@link
 * RecordFreshnessViolation}, {@link FreshnessCatalog}): a location's registration replaces its
 * policies (an unchanged one keeps its registration time), a violation is recorded only as decided
 * (the current materialization and policy unchanged; else a conflict that writes nothing), at most
 * one is open per asset, the next materialization clears it in its own transaction naming itself, a
 * changed or removed policy clears it with the reason, and violations page newest first.
 */
public abstract class FreshnessContract extends AssetCatalogFixture {
  private static final Duration HOUR = Duration.ofHours(1);

  private FreshnessCatalog freshness() {
    return store.extension(FreshnessCatalog.class);
  }

  private static FreshnessPolicyRecord maxLag(String key, Duration lag) {
    return new FreshnessPolicyRecord(key, FreshnessPolicyKind.MAX_LAG, lag, null, null);
  }

  private Instant policies(String location, FreshnessPolicyRecord... policies) {
    Instant at = tick();
    commitOk(new RegisterFreshnessPolicies(NS, location, List.of(policies), at));
    return at;
  }

  private void graph() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
  }

  private RecordFreshnessViolation violation(String key, Instant deadline, Instant materialized) {
    Instant registered = freshness().policy(NS, key).orElseThrow().registeredAt();
    return new RecordFreshnessViolation(NS, key, "", deadline, materialized, registered, tick());
  }

  @Test
  void aLocationsRegistrationReplacesItsPoliciesAndKeepsAnUnchangedOnesTime() {
    graph();
    Instant first = policies("default", maxLag("a", HOUR), maxLag("b", HOUR));
    policies("default", maxLag("a", HOUR), maxLag("b", Duration.ofMinutes(30)));

    assertThat(freshness().policies(NS))
        .extracting(FreshnessPolicyRecord::assetKey, FreshnessPolicyRecord::maxLag)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", HOUR),
            org.assertj.core.groups.Tuple.tuple("b", Duration.ofMinutes(30)));
    assertThat(freshness().policy(NS, "a").orElseThrow().registeredAt())
        .as("unchanged: registered when first given")
        .isEqualTo(first);
    assertThat(freshness().policy(NS, "b").orElseThrow().registeredAt()).isAfter(first);

    policies("default", maxLag("b", Duration.ofMinutes(30)));
    assertThat(freshness().policy(NS, "a")).as("removed from the location").isEmpty();
    assertThat(freshness().policies(NS)).hasSize(1);
  }

  @Test
  void aPolicyOfAnAssetThatLeftTheGraphGoesAndOtherLocationsKeepTheirs() {
    commitOk(
        new RegisterAssetGraph(NS, "app1", List.of(computed("a", "v1")), tick()),
        new RegisterAssetGraph(NS, "app2", List.of(computed("x", "v1")), tick()));
    policies("app1", maxLag("a", HOUR));
    policies("app2", maxLag("x", HOUR));

    commitOk(new RegisterAssetGraph(NS, "app1", List.of(computed("a2", "v1")), tick()));
    policies("app1");

    assertThat(freshness().policies(NS))
        .extracting(FreshnessPolicyRecord::assetKey)
        .containsExactly("x");
  }

  @Test
  void aViolationIsRecordedAtItsDeadlineAndTheNextMaterializationClearsIt() {
    graph();
    policies("default", maxLag("a", HOUR));
    MaterializationRecord m = materialize("a", "d1", "v1");
    Instant deadline = m.finishedAt().plus(HOUR);

    commitOk(violation("a", deadline, m.finishedAt()));
    FreshnessViolationRecord open = freshness().openViolation(NS, "a", "").orElseThrow();
    assertThat(open.deadline()).isEqualTo(deadline);
    assertThat(open.lastMaterializedAt()).isEqualTo(m.finishedAt());
    assertThat(open.policy()).isEqualTo("maxLag=PT1H");
    assertThat(open.open()).isTrue();
    assertThat(freshness().openViolations(NS)).containsExactly(open);

    commitOk(violation("a", deadline.plusSeconds(5), m.finishedAt()));
    assertThat(freshness().violations(NS, "a", null, 10).violations())
        .as("one open violation at most")
        .hasSize(1);

    MaterializationRecord next = materialize("a", "d2", "v1");
    assertThat(freshness().openViolation(NS, "a", "")).isEmpty();
    assertThat(freshness().openViolations(NS)).isEmpty();
    FreshnessViolationRecord cleared =
        freshness().violations(NS, "a", null, 10).violations().getFirst();
    assertThat(cleared.clearedAt()).isEqualTo(next.finishedAt());
    assertThat(cleared.clearReason()).isEqualTo(FreshnessViolationRecord.MATERIALIZED);
    assertThat(cleared.clearedByRunId()).isEqualTo("run-a");
    assertThat(cleared.clearedByMaterializationId())
        .isEqualTo(catalog().history(NS, "a", "", null, 1).entries().getFirst().id());
  }

  @Test
  void aViolationDecidedOnAnOlderMaterializationOrPolicyIsAConflictThatWritesNothing() {
    graph();
    policies("default", maxLag("a", HOUR));
    Instant registered = freshness().policy(NS, "a").orElseThrow().registeredAt();

    commitConflict(
        new RecordFreshnessViolation(
            NS, "a", "", tick(), Instant.parse("2020-01-01T00:00:00Z"), registered, tick()));
    MaterializationRecord m = materialize("a", "d1", "v1");
    commitConflict(new RecordFreshnessViolation(NS, "a", "", tick(), null, registered, tick()));
    commitConflict(
        new RecordFreshnessViolation(
            NS, "a", "", tick(), m.finishedAt(), registered.minusSeconds(1), tick()));
    commitConflict(new RecordFreshnessViolation(NS, "b", "", tick(), null, registered, tick()));

    assertThat(freshness().violations(NS, "a", null, 10).violations()).isEmpty();
    assertThat(freshness().openViolations(NS)).isEmpty();
  }

  @Test
  void anAssetNeverMaterializedCanBeLateAndAFailureDoesNotClearIt() {
    graph();
    Instant registered = policies("default", maxLag("a", HOUR));

    commitOk(violation("a", registered.plus(HOUR), null));
    fail("a", "upstream down");

    FreshnessViolationRecord open = freshness().openViolation(NS, "a", "").orElseThrow();
    assertThat(open.lastMaterializedAt()).isNull();
    assertThat(open.deadline()).isEqualTo(registered.plus(HOUR));
  }

  @Test
  void aChangedOrRemovedPolicyClearsTheOpenViolationWithTheReason() {
    graph();
    policies("default", maxLag("a", HOUR), maxLag("b", HOUR));
    Instant start = tick();
    commitOk(violation("a", start, null), violation("b", start, null));

    Instant changed = policies("default", maxLag("a", Duration.ofHours(2)));

    List<FreshnessViolationRecord> a = freshness().violations(NS, "a", null, 10).violations();
    List<FreshnessViolationRecord> b = freshness().violations(NS, "b", null, 10).violations();
    assertThat(a.getFirst().clearReason()).isEqualTo(FreshnessViolationRecord.POLICY_CHANGED);
    assertThat(b.getFirst().clearReason()).isEqualTo(FreshnessViolationRecord.POLICY_REMOVED);
    assertThat(a.getFirst().clearedAt()).isEqualTo(changed);
    assertThat(a.getFirst().clearedByMaterializationId()).isNull();
    assertThat(freshness().openViolations(NS)).isEmpty();
  }

  @Test
  void violationsPageNewestFirst() {
    graph();
    policies("default", maxLag("a", HOUR));
    List<Instant> deadlines = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      MaterializationRecord m = materialize("a", "d" + i, "v1");
      Instant deadline = m.finishedAt().plus(HOUR);
      deadlines.add(0, deadline);
      commitOk(violation("a", deadline, m.finishedAt()));
    }
    materialize("a", "last", "v1");

    FreshnessViolationPage first = freshness().violations(NS, "a", null, 2);
    FreshnessViolationPage second = freshness().violations(NS, "a", first.nextPageToken(), 2);
    FreshnessViolationPage third = freshness().violations(NS, "a", second.nextPageToken(), 2);

    List<Instant> seen = new ArrayList<>();
    for (FreshnessViolationPage page : List.of(first, second, third)) {
      page.violations().forEach(v -> seen.add(v.deadline()));
    }
    assertThat(seen).isEqualTo(deadlines);
    assertThat(third.nextPageToken()).isNull();
    assertThat(third.violations()).hasSize(1);
    assertThatThrownBy(() -> freshness().violations(NS, "a", "h12", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageToken 'h12'");
    assertThatThrownBy(() -> freshness().violations(NS, "a", null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void aPartitionDeadlinePolicyIsKeptWithItsTimeOfDay() {
    graph();
    policies(
        "default",
        new FreshnessPolicyRecord(
            "a", FreshnessPolicyKind.PARTITION_DEADLINE, null, LocalTime.of(2, 0), null));

    FreshnessPolicyRecord p = freshness().policy(NS, "a").orElseThrow();
    assertThat(p.kind()).isEqualTo(FreshnessPolicyKind.PARTITION_DEADLINE);
    assertThat(p.deadline()).isEqualTo(LocalTime.of(2, 0));
    assertThat(p.describe()).isEqualTo("partitionDeadline=02:00");
  }
}
