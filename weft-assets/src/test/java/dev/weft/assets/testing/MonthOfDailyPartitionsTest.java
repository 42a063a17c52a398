package dev.weft.assets.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetDefinition;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.automation.AutomationCondition;
import dev.weft.assets.partitions.AssetPartitionStatus;
import dev.weft.assets.partitions.PartitionKeyStatus;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.FreshnessCatalog;
import dev.weft.testing.WeftTestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test kit runs a month of daily partitions with the skipping clock: a daily-partitioned asset
 * with a freshness {@code maxLag}, materialized once a day right after its day closed, and an
 * unpartitioned report that automation re-materializes eagerly whenever a day lands, driven through
 * January 2024 by {@link WeftTestEnvironment#sleep} (each freshness deadline timer fires at its due
 * time) in seconds of wall time. The feed is late on the 15th and 16th: the freshness violation is
 * recorded at its deadline and cleared by the partitions that land the next day.
 */
class MonthOfDailyPartitionsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(FIRST, ZoneOffset.UTC);
  private static final Duration MAX_LAG = Duration.ofHours(36);
  private static final Set<Integer> LATE_DAYS = Set.of(15, 16);

  private WeftTestEnvironment env;
  private Assets assets;
  private final Set<String> computedDays = ConcurrentHashMap.newKeySet();
  private final AtomicInteger reports = new AtomicInteger();

  @BeforeEach
  void start() {
    env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(FIRST.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(300)));
    AssetDefinition prices =
        Asset.builder("market/prices")
            .partitions(DAILY)
            .freshnessPolicy(FreshnessPolicy.maxLag(MAX_LAG))
            .output(String.class)
            .compute(
                ctx -> {
                  computedDays.add(ctx.partitionKey());
                  ctx.setDataVersion("prices-" + ctx.partitionKey());
                  return "prices of " + ctx.partitionKey();
                });
    AssetDefinition report =
        Asset.builder("market/monthly_report")
            .deps("market/prices")
            .automation(AutomationCondition.eager())
            .output(Integer.class)
            .compute(ctx -> reports.incrementAndGet());
    assets =
        Assets.builder(env.engine())
            .definitions(List.of(prices, report))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .clock(env.clock().asJavaClock())
            .build();
    env.start();
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void aMonthOfDailyPartitionsWithFreshnessAndAnEagerDownstream() {
    long wallStart = System.nanoTime();
    List<String> landed = new ArrayList<>();
    for (int day = 1; day <= 31; day++) {
      env.sleep(Duration.ofDays(1)); // the day closed: its partition can be computed
      String key = FIRST.plusDays(day - 1).toString();
      if (LATE_DAYS.contains(day)) {
        if (day == 16) {
          // the clock runs at real speed between steps: a few seconds past 00:05 each day
          assertThat(openViolation())
              .as("36 h after the 14th landed (on the 15th at 00:05), the 16th at 12:05")
              .isBetween(
                  Instant.parse("2024-01-16T12:05:00Z"), Instant.parse("2024-01-16T12:15:00Z"));
        }
        continue;
      }
      List<String> keys = new ArrayList<>();
      if (day == 17) {
        keys.addAll(List.of("2024-01-15", "2024-01-16"));
      }
      keys.add(key);
      assertThat(
              assets
                  .materialize("market/prices", PartitionSelection.keys(keys))
                  .await(WAIT)
                  .succeeded())
          .isTrue();
      landed.addAll(keys);
      // the whole asset's data version is the partition that landed last (on the 17th, three
      // chunks run at once: any of them)
      String version = state("market/prices").current().dataVersion();
      assertThat(version)
          .startsWith("prices-")
          .isIn(keys.stream().map(k -> "prices-" + k).toList());
      await("the eager report consumed " + version)
          .atMost(WAIT)
          .until(() -> version.equals(consumedByReport()));
      assertThat(openViolation()).as("no open violation after " + key + " landed").isNull();
    }

    assertThat(landed).hasSize(31);
    assertThat(computedDays).containsExactlyInAnyOrderElementsOf(landed);
    for (String key : landed) {
      PartitionKeyStatus status = assets.partitions().status(AssetKey.of("market/prices"), key);
      assertThat(status.status()).as(key).isEqualTo(AssetPartitionStatus.MATERIALIZED);
    }
    assertThat(assets.partitions().counts(AssetKey.of("market/prices")).materialized())
        .isEqualTo(31);
    // 29 landings (the 15th to 17th land in one run, whose partitions may fire once or each)
    assertThat(reports.get()).as("one eager run per landing, at least").isBetween(29, 31);
    AssetStateRecord whole = state("market/prices");
    assertThat(whole.status()).isEqualTo(AssetStatus.FRESH);
    assertThat(whole.current().dataVersion()).isEqualTo("prices-2024-01-31");
    assertThat(
            env.engine()
                .store()
                .extension(FreshnessCatalog.class)
                .violations(env.engine().namespace(), "market/prices", null, 100)
                .violations())
        .as("exactly the late days' violation, cleared")
        .singleElement()
        .satisfies(v -> assertThat(v.clearedAt()).isNotNull());
    assertThat(env.currentTime()).isAfterOrEqualTo(Instant.parse("2024-02-01T00:05:00Z"));
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart))
        .as("a simulated month in seconds of wall time")
        .isLessThan(Duration.ofMinutes(3));
  }

  private Instant openViolation() {
    return env.engine()
        .store()
        .extension(FreshnessCatalog.class)
        .openViolation(env.engine().namespace(), "market/prices", "")
        .map(v -> v.deadline())
        .orElse(null);
  }

  private String consumedByReport() {
    AssetStateRecord report = state("market/monthly_report");
    return report.current() == null
        ? null
        : report.current().inputDataVersions().get("market/prices");
  }

  private AssetStateRecord state(String key) {
    return env.engine()
        .store()
        .extension(AssetCatalog.class)
        .state(env.engine().namespace(), key, "")
        .orElseThrow();
  }
}
