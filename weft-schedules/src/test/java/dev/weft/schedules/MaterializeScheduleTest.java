package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.schedules.testsupport.ScheduleEnv;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A daily schedule materializes yesterday's partition of a daily-partitioned asset. */
class MaterializeScheduleTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDailyScheduleMaterializesYesterdaysPartitionEachDay(TestStore store) {
    Set<String> computed = ConcurrentHashMap.newKeySet();
    ScheduleDefinition daily =
        ScheduleDefinition.of(
            "prices-daily",
            ScheduleSpec.cron("5 0 * * *"),
            new TriggerAction.Materialize("market/prices", null, true));
    try (ScheduleEnv env =
        ScheduleEnv.start(
            store,
            dir,
            Instant.parse("2024-01-01T00:00:30Z"),
            engine ->
                Assets.builder(engine)
                    .definitions(
                        List.of(
                            Asset.builder("market/prices")
                                .partitions(
                                    TimeWindowPartitions.daily(
                                        LocalDate.of(2023, 12, 1), ZoneOffset.UTC))
                                .output(Integer.class)
                                .compute(
                                    ctx -> {
                                      computed.add(ctx.partitionKey());
                                      return 1;
                                    })))
                    .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                    .build(),
            daily)) {
      env.sleep(Duration.ofDays(3));

      assertThat(computed).containsExactlyInAnyOrder("2023-12-31", "2024-01-01", "2024-01-02");
      assertThat(env.schedules().describe("prices-daily").recentFirings())
          .extracting(ScheduleFiring::workflowId, ScheduleFiring::outcome)
          .containsExactly(
              tuple("prices-daily@2024-01-01T00:05:00Z", FiringOutcome.STARTED),
              tuple("prices-daily@2024-01-02T00:05:00Z", FiringOutcome.STARTED),
              tuple("prices-daily@2024-01-03T00:05:00Z", FiringOutcome.STARTED));
    }
  }
}
