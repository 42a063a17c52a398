package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.BackfillRequest;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.schedules.testsupport.SensorEngines;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sensor's backfill request launches one backfill of the asset selection's partitions per dedupe
 * key: asked again, the key starts nothing new; without the app's backfills, the request fails with
 * an error saying what is missing.
 */
class SensorBackfillTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final BackfillRequest FIRST_DAYS =
      BackfillRequest.of("market/prices", PartitionSelection.range("2024-01-01", "2024-01-03"));

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
  @RegisterExtension final SensorEngines engines = new SensorEngines(clock);
  private final SensorFunction sameKey =
      ctx -> SensorResult.requests("asked", List.of(RunRequest.backfill("first-days", FIRST_DAYS)));

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBackfillRequestLaunchesOneBackfillPerKey(TestStore kind) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    Sensors sensors =
        engines.start(
            kind.open(dir),
            engine -> {
              assets.set(
                  Assets.builder(engine)
                      .definitions(
                          List.of(
                              Asset.builder("market/prices")
                                  .partitions(
                                      TimeWindowPartitions.daily(
                                          LocalDate.of(2024, 1, 1), ZoneOffset.UTC))
                                  .output(String.class)
                                  .compute(ctx -> "p" + ctx.partitionKey())))
                      .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                      .build());
              return Sensors.builder(engine)
                  .backfills(assets.get().backfills())
                  .sensor(SensorDefinition.of("prices", INTERVAL, sameKey))
                  .build();
            });

    SensorEvaluation first = engines.tick(sensors, "prices").recentEvaluations().getLast();
    assertThat(first.error()).isNull();
    SensorRequestOutcome launched = first.requests().getFirst();
    assertThat(launched.outcome()).isEqualTo(TriggerOutcome.STARTED);
    assertThat(launched.workflowId()).isEqualTo("prices:first-days");
    String backfillId =
        engines
            .last()
            .client()
            .getHandle("prices:first-days")
            .getResult(Duration.ofSeconds(20))
            .toString();
    assertThat(assets.get().backfills().describe(backfillId).selection())
        .isEqualTo("market/prices");

    SensorEvaluation again = engines.tick(sensors, "prices").recentEvaluations().getLast();
    assertThat(again.requests().getFirst().outcome()).isEqualTo(TriggerOutcome.ALREADY_STARTED);
    assertThat(assets.get().backfills().list(null, null, 100).backfills()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void withoutTheAppsBackfillsTheLaunchFailsSayingWhatIsMissing(TestStore kind) {
    Sensors sensors =
        engines.start(kind.open(dir), SensorDefinition.of("prices", INTERVAL, sameKey));

    engines.tick(sensors, "prices");

    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    engines
                        .last()
                        .client()
                        .getHandle("prices:first-days")
                        .getResult(Duration.ofSeconds(20))))
        .hasStackTraceContaining("no asset backfills were given to Sensors.builder");
  }
}
