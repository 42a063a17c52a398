package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.AssetKey;
import dev.weft.assets.Assets;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.FreshnessState;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.engine.WeftClock;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft asset freshness [KEY]} against a real {@link WeftServer} whose engine runs on a clock
 * the test moves: fresh until the deadline, then violated, listed among the open violations.
 */
class AssetFreshnessCommandTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path dir;
  private final TestClock clock = new TestClock();
  private WeftEngine engine;
  private WeftServer server;

  /** A clock that stands still until moved, and wakes the engine's timers when it moves. */
  private static final class TestClock implements WeftClock {
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Instant now() {
      return now.get();
    }

    @Override
    public void addAdvanceListener(Runnable listener) {
      listeners.add(listener);
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
      listeners.forEach(Runnable::run);
    }
  }

  @AfterEach
  void stop() {
    server.close();
    engine.close();
  }

  private CliRun asset(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "asset";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--address";
    all[args.length + 2] = server.baseUri().toString();
    return run(all);
  }

  @Test
  void printsTheStateOfAnAssetAndTheOpenViolations() {
    engine =
        WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).clock(clock).build();
    Assets assets =
        Assets.builder(engine)
            .definitions(
                Asset.builder("chain/daily_volume")
                    .freshnessPolicy(FreshnessPolicy.maxLag(Duration.ofHours(1)))
                    .output(Integer.class)
                    .compute(ctx -> 7),
                Asset.builder("chain/raw_blocks").output(Integer.class).compute(ctx -> 1))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .clock(clock.asJavaClock())
            .build();
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
    assets.materialize("*").await(Duration.ofSeconds(60));

    CliRun fresh = asset("freshness", "chain/daily_volume");
    assertThat(fresh.exit()).as(fresh.err()).isZero();
    assertThat(fresh.out())
        .startsWith("chain/daily_volume: FRESH until 2026-03-02T09:00:00Z (max lag PT1H)")
        .contains("last materialized at 2026-03-02T08:00:00Z");
    assertThat(asset("freshness").out()).contains("no asset violates its freshness policy");
    assertThat(asset("freshness", "chain/raw_blocks").out())
        .contains("chain/raw_blocks: no freshness policy");

    clock.advance(Duration.ofHours(1));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                assets.freshness(AssetKey.of("chain/daily_volume")).orElseThrow().status()
                    == FreshnessState.Status.VIOLATED);

    CliRun violated = asset("freshness", "chain/daily_volume");
    assertThat(violated.out())
        .startsWith("chain/daily_volume: VIOLATED since 2026-03-02T09:00:00Z")
        .containsPattern(
            "chain/daily_volume\\s+2026-03-02T09:00:00Z\\s+open\\s+2026-03-02T08:00:00Z"
                + "\\s+maxLag=PT1H");
    CliRun open = asset("freshness");
    assertThat(open.out().lines().skip(1))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("chain/daily_volume").contains(" open "));
    JsonNode json = JsonValues.parseOne("json", asset("freshness", "--output", "json").out());
    assertThat(json.path("violations").get(0).path("assetKey").asText())
        .isEqualTo("chain/daily_volume");
    CliRun unknown = asset("freshness", "chain/nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("chain/nope");
  }

  @Test
  void namesTheLatePartitionsOfAPartitionedAsset() {
    engine =
        WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).clock(clock).build();
    Assets assets =
        Assets.builder(engine)
            .definitions(
                Asset.builder("chain/daily_close")
                    .partitions(
                        dev.weft.assets.partitions.TimeWindowPartitions.daily(
                            java.time.LocalDate.of(2026, 3, 1), ZoneOffset.UTC))
                    .freshnessPolicy(
                        FreshnessPolicy.partitionDeadline(java.time.LocalTime.of(2, 0)))
                    .output(Integer.class)
                    .compute(ctx -> 7))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .clock(clock.asJavaClock())
            .build();
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));

    assertThat(asset("freshness", "chain/daily_close").out())
        .startsWith("chain/daily_close: FRESH until - (partition deadline 02:00)");
    clock.advance(Duration.ofHours(18));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                assets.freshness(AssetKey.of("chain/daily_close")).orElseThrow().status()
                    == FreshnessState.Status.VIOLATED);

    CliRun violated = asset("freshness", "chain/daily_close");
    assertThat(violated.exit()).as(violated.err()).isZero();
    assertThat(violated.out())
        .startsWith("chain/daily_close: VIOLATED since 2026-03-03T02:00:00Z")
        .contains("late partitions (1): 2026-03-02");
  }
}
