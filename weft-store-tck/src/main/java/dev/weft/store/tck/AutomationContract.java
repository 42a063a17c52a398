package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import dev.weft.store.assets.automation.AcquireAutomationLease;
import dev.weft.store.assets.automation.AppendCronTick;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationAssetRecord;
import dev.weft.store.assets.automation.AutomationCursorRecord;
import dev.weft.store.assets.automation.AutomationEvaluationPage;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.store.assets.automation.RecordAutomationEvaluations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Pins declarative automation's rows: every catalog write that changes an asset appends to the
 * change log in its transaction (in commit order, nothing for a rolled-back batch), the evaluator's
 * lease (one owner at a time, taken over once expired), the cursor and evaluations that move only
 * for the lease holder at the expected cursor, a fired evaluation committed with the start of its
 * run (both or neither), cron ticks recorded once, paged evaluations and the in-process change
 * listener. The graph is {@code a -> b} and a source {@code s}.
 */
public abstract class AutomationContract extends AssetCatalogFixture {
  private static final String LOC = "default";

  private AutomationLog log() {
    return store.extension(AutomationLog.class);
  }

  private List<String> changes(long after) {
    return log().changesAfter(NS, after, 100).stream()
        .map(c -> c.assetKey() + ":" + c.kind())
        .toList();
  }

  private AcquireAutomationLease lease(String owner, Instant at) {
    return new AcquireAutomationLease(NS, LOC, owner, at, at.plus(Duration.ofSeconds(15)));
  }

  private static AutomationEvaluationRecord evaluation(
      String key, boolean fired, String runId, long from, long to, Instant at) {
    return new AutomationEvaluationRecord(
        0,
        key,
        "eager()",
        fired,
        fired ? "eager(): a updated" : "eager(): nothing updated",
        fired ? "{[0, 1)}" : "",
        fired ? "__weft_auto:" + key + ":" + to : null,
        runId,
        from,
        to,
        at);
  }

  @Test
  void everyCatalogChangeIsLoggedInCommitOrder() {
    register(computed("a", "v1"), computed("b", "v1", "a"), source("s"));
    materialize("a", "d1", "v1");
    fail("b", "boom");
    observe("s", "h1");
    observe("s", "h1");
    register(computed("a", "v2"), computed("b", "v1", "a"), source("s"));

    assertThat(changes(0))
        .containsExactly(
            "a:ADDED",
            "b:ADDED",
            "s:ADDED",
            "a:MATERIALIZED",
            "b:FAILED",
            "s:OBSERVED",
            "a:CODE_VERSION_CHANGED");
    List<AssetChangeRecord> all = log().changesAfter(NS, 0, 100);
    assertThat(all).extracting(AssetChangeRecord::seq).isSorted().doesNotHaveDuplicates();
    assertThat(all.get(3).runId()).isEqualTo("run-a");
    assertThat(log().changesAfter(NS, all.get(4).seq(), 1))
        .extracting(AssetChangeRecord::kind)
        .containsExactly(AssetChangeKind.OBSERVED);
    assertThat(log().changesAfter("other", 0, 100)).isEmpty();
    Map<String, Map<AssetChangeKind, Long>> latest = log().latestChanges(NS, List.of("a", "zz"));
    assertThat(latest).containsOnlyKeys("a");
    assertThat(latest.get("a"))
        .containsEntry(AssetChangeKind.MATERIALIZED, all.get(3).seq())
        .containsEntry(AssetChangeKind.CODE_VERSION_CHANGED, all.get(6).seq());
  }

  @Test
  void aRolledBackBatchLogsNothingAndTheListenerHearsOnlyCommits() {
    register(computed("a", "v1"));
    AtomicInteger heard = new AtomicInteger();
    log().addChangeListener(heard::incrementAndGet);
    long before = log().changesAfter(NS, 0, 100).getLast().seq();

    commitConflict(
        new AppendCronTick(NS, "a", tick()), new Write.DeleteTimer("no-such-run", 1, true));
    assertThat(changes(before)).isEmpty();

    materialize("a", "d1", "v1");
    assertThat(changes(before)).containsExactly("a:MATERIALIZED");
    assertThat(heard.get()).isEqualTo(1);
  }

  @Test
  void oneOwnerHoldsTheLeaseUntilItExpires() {
    Instant t = tick();
    commitOk(lease("n1", t));
    assertThat(log().cursor(NS, LOC))
        .contains(new AutomationCursorRecord(0, "n1", t.plusSeconds(15)));

    assertThat(commitConflict(lease("n2", t.plusSeconds(5))).reason()).contains("leased to n1");
    commitOk(lease("n1", t.plusSeconds(5)));
    assertThat(log().cursor(NS, LOC).orElseThrow().leaseUntil()).isEqualTo(t.plusSeconds(20));

    commitOk(lease("n2", t.plusSeconds(20)));
    assertThat(log().cursor(NS, LOC).orElseThrow().owner()).isEqualTo("n2");
    assertThat(log().cursor(NS, "other-location")).isEmpty();
  }

  @Test
  void theCursorMovesOnlyForTheHolderAtTheExpectedCursor() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    Instant t = tick();
    commitOk(lease("n1", t));
    long to = log().changesAfter(NS, 0, 100).getLast().seq();

    assertThat(
            commitConflict(
                    new RecordAutomationEvaluations(
                        NS, LOC, "n2", 0, to, List.of(evaluation("b", false, null, 0, to, t)), t))
                .reason())
        .contains("leased to n1");
    assertThat(
            commitConflict(new RecordAutomationEvaluations(NS, LOC, "n1", 1, to, List.of(), t))
                .reason())
        .contains("cursor 0, not the expected 1");
    assertThat(
            commitConflict(
                    new RecordAutomationEvaluations(
                        NS, LOC, "n1", 0, to, List.of(), t.plusSeconds(15)))
                .reason())
        .as("an expired lease fences its holder too")
        .contains("not to n1");
    assertThat(log().evaluations(NS, "b", null, 10).evaluations()).isEmpty();

    commitOk(
        new RecordAutomationEvaluations(
            NS, LOC, "n1", 0, to, List.of(evaluation("b", false, null, 0, to, t)), t));
    assertThat(log().cursor(NS, LOC).orElseThrow().cursor()).isEqualTo(to);
    assertThat(log().evaluations(NS, "b", null, 10).evaluations())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fired()).isFalse();
              assertThat(e.condition()).isEqualTo("eager()");
              assertThat(e.fromSeq()).isZero();
              assertThat(e.toSeq()).isEqualTo(to);
              assertThat(e.at()).isEqualTo(t);
            });
    assertThat(log().assets(NS, List.of("b")))
        .as("only fired evaluations are remembered")
        .isEmpty();
  }

  @Test
  void aFiredEvaluationCommitsWithTheStartOfItsRunOrNotAtAll() {
    register(computed("a", "v1"), computed("b", "v1", "a"));
    Instant t = tick();
    commitOk(lease("n1", t));
    long to = log().changesAfter(NS, 0, 100).getLast().seq();
    RunRecord run = TestData.run("auto-run-1").build();
    RecordAutomationEvaluations fired =
        new RecordAutomationEvaluations(
            NS, LOC, "n1", 0, 0, List.of(evaluation("b", true, run.runId(), 0, to, t)), t);

    commitOk(new Write.InsertRun(run, Set.of()), fired);

    assertThat(store.findRun(run.runId())).isPresent();
    assertThat(log().assets(NS, List.of("b")))
        .containsEntry("b", new AutomationAssetRecord("b", to, "__weft_auto:b:" + to, run.runId()));
    assertThat(log().cursor(NS, LOC).orElseThrow().cursor()).as("kept").isZero();

    RunRecord second = TestData.run("auto-run-2").build();
    commitConflict(
        new Write.InsertRun(second, Set.of()),
        new RecordAutomationEvaluations(
            NS, LOC, "n2", 0, 0, List.of(evaluation("b", true, second.runId(), 0, to, t)), t));
    assertThat(store.findRun(second.runId())).as("rolled back with the evaluation").isEmpty();
    assertThat(log().evaluations(NS, "b", null, 10).evaluations()).hasSize(1);
  }

  @Test
  void aCronTickIsLoggedOncePerAssetAndTick() {
    register(computed("a", "v1"));
    long before = log().changesAfter(NS, 0, 100).getLast().seq();
    Instant tick = Instant.parse("2024-01-02T02:00:00Z");

    commitOk(new AppendCronTick(NS, "a", tick));
    assertThat(commitConflict(new AppendCronTick(NS, "a", tick)).reason())
        .contains("recorded already");
    commitOk(new AppendCronTick(NS, "a", tick.plus(Duration.ofDays(1))));

    assertThat(log().changesAfter(NS, before, 10))
        .extracting(AssetChangeRecord::kind, AssetChangeRecord::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AssetChangeKind.CRON_TICK, tick),
            org.assertj.core.groups.Tuple.tuple(
                AssetChangeKind.CRON_TICK, tick.plus(Duration.ofDays(1))));
  }

  @Test
  void evaluationsArePagedNewestFirst() {
    register(computed("a", "v1"));
    Instant t = tick();
    commitOk(lease("n1", t));
    for (int i = 0; i < 5; i++) {
      commitOk(
          new RecordAutomationEvaluations(
              NS, LOC, "n1", i, i + 1, List.of(evaluation("a", false, null, i, i + 1, t)), t));
    }

    AutomationEvaluationPage first = log().evaluations(NS, "a", null, 2);
    assertThat(first.evaluations())
        .extracting(AutomationEvaluationRecord::toSeq)
        .containsExactly(5L, 4L);
    AutomationEvaluationPage second = log().evaluations(NS, "a", first.nextPageToken(), 2);
    assertThat(second.evaluations())
        .extracting(AutomationEvaluationRecord::toSeq)
        .containsExactly(3L, 2L);
    AutomationEvaluationPage last = log().evaluations(NS, "a", second.nextPageToken(), 2);
    assertThat(last.evaluations())
        .extracting(AutomationEvaluationRecord::toSeq)
        .containsExactly(1L);
    assertThat(last.nextPageToken()).isNull();
    assertThatThrownBy(() -> log().evaluations(NS, "a", "nope", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageToken 'nope'");
  }
}
