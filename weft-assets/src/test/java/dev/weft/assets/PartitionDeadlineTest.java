package dev.weft.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.internal.FreshnessWatch;
import dev.weft.assets.internal.FreshnessWorkflow;
import dev.weft.assets.partitions.StaticPartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.assets.testsupport.ReplayTwins;
import dev.weft.client.PendingTimer;
import dev.weft.client.WorkflowDescription;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.history.EventAttributes;
import dev.weft.history.WorkflowHistory;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.store.assets.FreshnessViolationRecord;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Partition deadlines ({@link FreshnessPolicy#partitionDeadline}): the deadline of each window
 * (daily, hourly, weekly, monthly; on DST days in Europe/Berlin and America/New_York), and end to
 * end on both stores with a manual clock: the watch sleeps on a durable timer to the next window's
 * deadline, records a violation for that partition if it is missing then, the partition's
 * materialization clears it in its transaction, a partition there in time is not late, and both the
 * violation and its clearing are changes in the change log.
 */
class PartitionDeadlineTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String ASSET = "sales/daily";

  /** Daily windows in Berlin from 2024-03-01: index 29 is 2024-03-30, the day before DST. */
  private static final TimeWindowPartitions BERLIN_DAYS =
      TimeWindowPartitions.daily(LocalDate.of(2024, 3, 1), BERLIN);

  /** Saturday noon (UTC) before Berlin's spring-forward night. */
  private static final Instant T0 = Instant.parse("2024-03-30T12:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  @RegisterExtension final AssetEngines engines = new AssetEngines();

  private static Instant deadline(TimeWindowPartitions p, LocalTime at, long index) {
    return new FreshnessPolicy.PartitionDeadline(at).deadlineOf(p, index);
  }

  private static long index(TimeWindowPartitions p, String key) {
    return p.index(key, dev.weft.assets.partitions.PartitionsContext.NONE);
  }

  @Test
  void aDailyWindowIsDueAtTheDeadlineOnTheNextDayAcrossBerlinsDstChanges() {
    LocalTime half = LocalTime.of(2, 30);
    // spring forward, 2024-03-31: 02:30 does not exist, the deadline moves an hour later (03:30)
    assertThat(deadline(BERLIN_DAYS, half, index(BERLIN_DAYS, "2024-03-30")))
        .isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
    // the 23-hour day itself is due at 02:30 CEST the next day
    assertThat(deadline(BERLIN_DAYS, half, index(BERLIN_DAYS, "2024-03-31")))
        .isEqualTo(Instant.parse("2024-04-01T00:30:00Z"));
    // fall back, 2024-10-27: 02:30 happens twice, the deadline is the first (CEST)
    assertThat(deadline(BERLIN_DAYS, half, index(BERLIN_DAYS, "2024-10-26")))
        .isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    // the 25-hour day is due at 02:30 CET the next day
    assertThat(deadline(BERLIN_DAYS, half, index(BERLIN_DAYS, "2024-10-27")))
        .isEqualTo(Instant.parse("2024-10-28T01:30:00Z"));
    // an ordinary day: yesterday's partition by 02:00 today
    assertThat(deadline(BERLIN_DAYS, LocalTime.of(2, 0), index(BERLIN_DAYS, "2024-05-01")))
        .isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
  }

  @Test
  void newYorkDailyAndHourlyWindowsOnDstDays() {
    TimeWindowPartitions days = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), NEW_YORK);
    // spring forward, 2024-03-10 02:00 -> 03:00: 02:30 becomes 03:30 EDT
    assertThat(deadline(days, LocalTime.of(2, 30), index(days, "2024-03-09")))
        .isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
    // fall back, 2024-11-03 01:00-02:00 twice: 01:30 is the first, EDT
    assertThat(deadline(days, LocalTime.of(1, 30), index(days, "2024-11-02")))
        .isEqualTo(Instant.parse("2024-11-03T05:30:00Z"));

    TimeWindowPartitions hours = TimeWindowPartitions.hourly(LocalDate.of(2024, 1, 1), NEW_YORK);
    LocalTime two = LocalTime.of(2, 0);
    // every hour of a day is due at 02:00 the next day, the day's last hour too
    assertThat(deadline(hours, two, index(hours, "2024-03-10-00:00")))
        .isEqualTo(deadline(hours, two, index(hours, "2024-03-10-23:00")))
        .isEqualTo(Instant.parse("2024-03-11T06:00:00Z"));
    // the repeated hour of the fall-back day (its second window, keyed with its offset) belongs to
    // that day: due 02:00 EST on 2024-11-04
    assertThat(deadline(hours, two, index(hours, "2024-11-03-01:00-05:00")))
        .isEqualTo(Instant.parse("2024-11-04T07:00:00Z"));
    // the hour ending at midnight is the day's last: not due at 02:00 of the same night's day
    assertThat(deadline(hours, two, index(hours, "2024-11-03-23:00")))
        .isEqualTo(Instant.parse("2024-11-04T07:00:00Z"));
  }

  @Test
  void weeklyAndMonthlyWindowsAreDueTheDayAfterTheirLastDay() {
    TimeWindowPartitions weeks =
        TimeWindowPartitions.weekly(LocalDate.of(2024, 1, 1), ZoneOffset.UTC, DayOfWeek.MONDAY);
    assertThat(deadline(weeks, LocalTime.of(2, 0), index(weeks, "2024-01-01")))
        .isEqualTo(Instant.parse("2024-01-08T02:00:00Z"));
    TimeWindowPartitions months = TimeWindowPartitions.monthly(LocalDate.of(2024, 1, 1), BERLIN);
    // February 2024 (leap year) ends on the 29th: due 2024-03-01 02:00 CET
    assertThat(deadline(months, LocalTime.of(2, 0), index(months, "2024-02-01")))
        .isEqualTo(Instant.parse("2024-03-01T01:00:00Z"));
  }

  @Test
  void theFirstWindowWatchedIsTheFirstDueAtOrAfterThePolicysRegistration() {
    FreshnessPolicy.PartitionDeadline rule =
        new FreshnessPolicy.PartitionDeadline(LocalTime.of(2, 30));
    assertThat(rule.firstIndexDueAtOrAfter(BERLIN_DAYS, T0))
        .isEqualTo(index(BERLIN_DAYS, "2024-03-30"));
    assertThat(rule.firstIndexDueAtOrAfter(BERLIN_DAYS, Instant.parse("2024-03-31T01:30:00Z")))
        .as("a deadline exactly at the registration is watched")
        .isEqualTo(index(BERLIN_DAYS, "2024-03-30"));
    assertThat(rule.firstIndexDueAtOrAfter(BERLIN_DAYS, Instant.parse("2020-01-01T00:00:00Z")))
        .as("before the definition's start: its first window")
        .isZero();
    TimeWindowPartitions hours = TimeWindowPartitions.hourly(LocalDate.of(2024, 1, 1), NEW_YORK);
    assertThat(rule.firstIndexDueAtOrAfter(hours, Instant.parse("2024-03-11T08:00:00Z")))
        .as("2024-03-10's hours were due at 03:30 EDT on the 11th (07:30Z); the 11th's are next")
        .isEqualTo(index(hours, "2024-03-11-00:00"));
  }

  @Test
  void aPartitionDeadlineOnANonTimeWindowAssetIsRefusedNamingTheAssetAndItsDefinition() {
    assertThatThrownBy(
            () ->
                AssetGraph.of(
                    Asset.builder("sales/regions")
                        .partitions(StaticPartitions.of("eu", "us"))
                        .freshnessPolicy(FreshnessPolicy.partitionDeadline(LocalTime.of(2, 0)))
                        .compute(ctx -> 1)))
        .isInstanceOf(InvalidAssetGraphException.class)
        .hasMessageContaining("sales/regions")
        .hasMessageContaining("partitionDeadline(02:00)")
        .hasMessageContaining("time-partitioned")
        .hasMessageContaining("static partitions [eu, us]");
  }

  private Assets start(TestStore kind) {
    return engines.start(
        kind.open(dir),
        engine -> engine.clock(clock).nodeId("deadline-test"),
        assets ->
            assets
                .definitions(
                    Asset.builder(ASSET)
                        .partitions(BERLIN_DAYS)
                        .freshnessPolicy(FreshnessPolicy.partitionDeadline(LocalTime.of(2, 30)))
                        .output(String.class)
                        .compute(ctx -> "sales of " + ctx.partitionKey()))
                .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                .clock(clock.asJavaClock()));
  }

  private WeftEngine engine() {
    return engines.last();
  }

  private FreshnessCatalog freshness() {
    return engine().store().extension(FreshnessCatalog.class);
  }

  private Optional<FreshnessViolationRecord> open(String partition) {
    return freshness().openViolation(engine().namespace(), ASSET, partition);
  }

  private WorkflowDescription watch() {
    return engine().client().getHandle(FreshnessWorkflow.workflowId(ASSET)).describe();
  }

  /** Waits until the watch sleeps on a timer firing at {@code fireAt}. */
  private void awaitTimerAt(Instant fireAt) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              WorkflowDescription d = watch();
              return d.status() == WorkflowStatus.RUNNING
                  && d.pendingTimers().stream().map(PendingTimer::fireAt).anyMatch(fireAt::equals);
            });
  }

  private List<AssetChangeRecord> changes(AssetChangeKind kind) {
    return engine()
        .store()
        .extension(AutomationLog.class)
        .changesAfter(engine().namespace(), 0, 1000)
        .stream()
        .filter(c -> c.kind() == kind)
        .toList();
  }

  /** Replays (and on SQLite records) the newest run of the watch whose history matches. */
  private void replayAndRecord(TestStore kind, String name, Predicate<WorkflowHistory> run) {
    String id = FreshnessWorkflow.workflowId(ASSET);
    ReplayTwins.replayAndRecord(
        kind,
        name,
        engine().client().getHandle(id, ReplayTwins.runWhere(engine().client(), id, run)),
        FreshnessWorkflow.class,
        FreshnessWatch::new);
  }

  private static Predicate<WorkflowHistory> has(Class<? extends EventAttributes> type) {
    return h -> h.events().stream().anyMatch(e -> type.isInstance(e.attributes()));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aMissingPartitionIsLateAtItsDeadlineAndItsMaterializationClearsIt(TestStore kind) {
    Assets assets = start(kind);
    Instant springForward = Instant.parse("2024-03-31T01:30:00Z");
    awaitTimerAt(springForward);
    clock.advanceTo(springForward.minusSeconds(60));
    awaitTimerAt(springForward);
    assertThat(open("2024-03-30")).as("a minute before the deadline").isEmpty();

    clock.advanceTo(springForward);
    await().atMost(WAIT).until(() -> open("2024-03-30").isPresent());
    FreshnessViolationRecord late = open("2024-03-30").orElseThrow();
    assertThat(late.partition()).isEqualTo("2024-03-30");
    assertThat(late.deadline()).isEqualTo(springForward);
    assertThat(late.policy()).isEqualTo("partitionDeadline=02:30");
    assertThat(late.lastMaterializedAt()).isNull();
    assertThat(changes(AssetChangeKind.FRESHNESS_VIOLATED))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.assetKey()).isEqualTo(ASSET);
              assertThat(c.partition()).isEqualTo("2024-03-30");
              assertThat(c.partitions()).isEqualTo(IndexRangeSet.of(IndexRange.of(29)));
            });
    FreshnessState state = assets.freshness(AssetKey.of(ASSET)).orElseThrow();
    assertThat(state.status()).isEqualTo(FreshnessState.Status.VIOLATED);
    assertThat(state.latePartitions()).containsExactly("2024-03-30");
    assertThat(state.deadline()).isEqualTo(springForward);

    Instant nextDeadline = Instant.parse("2024-04-01T00:30:00Z");
    awaitTimerAt(nextDeadline);
    // the first cycle (timer, violation, continue-as-new) is the only closed run with a fired timer
    replayAndRecord(
        kind, "freshness-partition-deadline-violated", has(EventAttributes.TimerFired.class));
    clock.advance(Duration.ofMinutes(20));
    MaterializationResult made =
        assets.materialize(ASSET, PartitionSelection.keys("2024-03-30")).await(WAIT);
    assertThat(made.succeeded()).isTrue();

    assertThat(open("2024-03-30")).as("cleared in the materialization's transaction").isEmpty();
    FreshnessViolationRecord cleared =
        freshness().violations(engine().namespace(), ASSET, null, 10).violations().getFirst();
    assertThat(cleared.clearReason()).isEqualTo(FreshnessViolationRecord.MATERIALIZED);
    assertThat(cleared.clearedAt()).isEqualTo(springForward.plus(Duration.ofMinutes(20)));
    assertThat(cleared.clearedByMaterializationId()).isNotNull();
    assertThat(cleared.clearedByRunId()).isNotNull();
    assertThat(changes(AssetChangeKind.FRESHNESS_CLEARED))
        .singleElement()
        .satisfies(c -> assertThat(c.partitions()).isEqualTo(IndexRangeSet.of(IndexRange.of(29))));
    assertThat(changes(AssetChangeKind.MATERIALIZED))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.partition()).isEqualTo("2024-03-30");
              assertThat(c.partitions()).isEqualTo(IndexRangeSet.of(IndexRange.of(29)));
            });
    assertThat(assets.freshness(AssetKey.of(ASSET)).orElseThrow().status())
        .isEqualTo(FreshnessState.Status.FRESH);

    // the 23-hour day 2024-03-31 lands in time (its window ended at 22:00Z): not late
    clock.advanceTo(Instant.parse("2024-03-31T23:00:00Z"));
    assertThat(
            assets
                .materialize(ASSET, PartitionSelection.keys("2024-03-31"))
                .await(WAIT)
                .succeeded())
        .isTrue();
    clock.advanceTo(nextDeadline);
    awaitTimerAt(Instant.parse("2024-04-02T00:30:00Z"));
    assertThat(open("2024-03-31")).isEmpty();
    assertThat(freshness().violations(engine().namespace(), ASSET, null, 10).violations())
        .hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void deadlinesThatPassedWhileNoNodeRanAreEachRecordedOnRestart(TestStore kind) {
    start(kind);
    awaitTimerAt(Instant.parse("2024-03-31T01:30:00Z"));
    engine().close();
    clock.advanceTo(Instant.parse("2024-04-01T12:00:00Z"));
    start(kind);

    await()
        .atMost(WAIT)
        .until(() -> open("2024-03-30").isPresent() && open("2024-03-31").isPresent());
    awaitTimerAt(Instant.parse("2024-04-02T00:30:00Z"));
    assertThat(freshness().openViolations(engine().namespace(), ASSET))
        .extracting(FreshnessViolationRecord::partition)
        .containsExactly("2024-03-30", "2024-03-31");
    assertThat(open("2024-03-30").orElseThrow().deadline())
        .isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
    // the second cycle found its deadline passed already: no timer, the violation at once
    replayAndRecord(
        kind,
        "freshness-partition-deadline-passed",
        has(EventAttributes.WorkflowContinuedAsNew.class)
            .and(has(EventAttributes.TimerStarted.class).negate()));
  }

  @Test
  void theHourlyKeyOfARepeatedHourParsesToItsSecondWindow() {
    TimeWindowPartitions hours =
        TimeWindowPartitions.hourly(LocalDateTime.of(2024, 11, 3, 0, 0), NEW_YORK);
    assertThat(index(hours, "2024-11-03-01:00-05:00"))
        .isEqualTo(index(hours, "2024-11-03-01:00") + 1);
  }
}
