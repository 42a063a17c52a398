package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.server.WeftServerOptions;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The freshness status of a daily-partitioned asset with a partition deadline, on both stores,
 * through {@link ApiCalls} (answers checked against the OpenAPI document): fresh with no single
 * deadline, then violated naming the late partition, fresh again once it lands.
 */
class FreshnessPartitionApiTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NS = "/api/v1/namespaces/default";
  private static final String CLOSE = NS + "/assets/market%2Fdaily_close";
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  private ApiServer start(TestStore store, AtomicReference<Assets> assets) {
    Clock javaClock = clock.asJavaClock();
    return ApiServer.start(
        store,
        dir,
        b -> b.clock(clock),
        engine ->
            assets.set(
                Assets.builder(engine)
                    .definitions(
                        List.of(
                            Asset.builder("market/daily_close")
                                .partitions(
                                    TimeWindowPartitions.daily(
                                        LocalDate.of(2026, 3, 1), ZoneOffset.UTC))
                                .freshnessPolicy(
                                    FreshnessPolicy.partitionDeadline(LocalTime.of(2, 0)))
                                .output(String.class)
                                .compute(ctx -> "close of " + ctx.partitionKey())))
                    .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                    .clock(javaClock)
                    .build()),
        WeftServerOptions.defaults().withPort(0));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void thePartitionLateAtItsDeadlineIsNamedUntilItLands(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      JsonNode fresh = api.get(CLOSE + "/freshness").json();
      assertThat(fresh.path("status").asText()).isEqualTo("FRESH");
      assertThat(fresh.path("policy").path("kind").asText()).isEqualTo("PARTITION_DEADLINE");
      assertThat(fresh.path("policy").path("deadline").asText()).isEqualTo("02:00");
      assertThat(fresh.has("freshUntil")).as("each window has its own deadline").isFalse();
      assertThat(fresh.has("latePartitions")).isFalse();

      // the watch sleeps on its durable timer before the clock passes the deadline (advanced
      // before its first workflow task ran, the deadline was missed once in CI)
      await().atMost(WAIT).until(() -> s.engine().store().stats().timers() >= 1);
      clock.advanceTo(Instant.parse("2026-03-03T02:00:00Z"));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  api.get(CLOSE + "/freshness").json().path("status").asText().equals("VIOLATED"));
      JsonNode late = api.get(CLOSE + "/freshness").json();
      assertThat(late.path("violatedSince").asText()).isEqualTo("2026-03-03T02:00:00Z");
      assertThat(late.path("latePartitions").get(0).asText()).isEqualTo("2026-03-02");
      assertThat(late.path("latePartitions")).hasSize(1);
      assertThat(late.path("openViolation").path("partition").asText()).isEqualTo("2026-03-02");
      assertThat(late.path("openViolation").path("policy").asText())
          .isEqualTo("partitionDeadline=02:00");
      JsonNode open = api.get(NS + "/freshness-violations").json().path("violations");
      assertThat(open).hasSize(1);
      assertThat(open.get(0).path("partition").asText()).isEqualTo("2026-03-02");

      clock.advance(Duration.ofMinutes(5));
      assets
          .get()
          .materialize("market/daily_close", PartitionSelection.keys("2026-03-02"))
          .await(WAIT);

      JsonNode again = api.get(CLOSE + "/freshness").json();
      assertThat(again.path("status").asText()).isEqualTo("FRESH");
      assertThat(again.has("latePartitions")).isFalse();
      JsonNode cleared = api.get(CLOSE + "/freshness/violations").json().path("violations").get(0);
      assertThat(cleared.path("partition").asText()).isEqualTo("2026-03-02");
      assertThat(cleared.path("clearReason").asText()).isEqualTo("MATERIALIZED");
      assertThat(cleared.path("clearedAt").asText()).isEqualTo("2026-03-03T02:05:00Z");
    }
  }
}
