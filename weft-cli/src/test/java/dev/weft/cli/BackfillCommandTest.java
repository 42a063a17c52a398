package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft backfill ...} against a real {@link WeftServer}: a dry run, a launch whose one day
 * fails, its description with the failed range, the list, a refused pause of an ended backfill, the
 * retry of the failed day, and bad input.
 */
class BackfillCommandTest {
  @TempDir Path dir;
  private WeftEngine engine;
  private WeftServer server;
  private final AtomicBoolean broken = new AtomicBoolean(true);

  @AfterEach
  void stop() {
    server.close();
    engine.close();
  }

  private CliRun backfill(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "backfill";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--address";
    all[args.length + 2] = server.baseUri().toString();
    return run(all);
  }

  private String awaitEnded(String id) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !backfill("describe", id).out().contains("status      RUNNING")
                    && !backfill("describe", id).out().contains("status      REQUESTED"));
    return backfill("describe", id).out();
  }

  @Test
  void launchesDescribesListsAndRetriesABackfill() {
    engine = WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build();
    Assets.builder(engine)
        .definitions(
            Asset.builder("trades/daily")
                .partitions(TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC))
                .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
                .output(String.class)
                .compute(
                    ctx -> {
                      if (broken.get() && ctx.partitionKey().equals("2024-01-02")) {
                        throw new IllegalStateException("no trades for 2024-01-02");
                      }
                      return ctx.partitionKey();
                    }))
        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
        .build();
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));

    CliRun dry =
        backfill(
            "launch",
            "--selection",
            "trades/daily",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-05",
            "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("5 partitions in 5 runs").contains("trades/daily");
    assertThat(backfill("list").out()).contains("no backfill");

    CliRun launched =
        backfill(
            "launch",
            "--selection",
            "trades/daily",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-05",
            "--max-concurrent",
            "2",
            "--output",
            "json");
    assertThat(launched.exit()).as(launched.err()).isZero();
    String id = JsonValues.parseOne("json", launched.out()).path("backfillId").asText();

    String described = awaitEnded(id);
    assertThat(described)
        .contains("status      FAILED")
        .containsPattern("trades/daily\\s+5\\s+4\\s+1\\s+0\\s+0\\s+0")
        .contains("failed:")
        .contains("trades/daily 2024-01-02: ")
        .contains("no trades for 2024-01-02");
    assertThat(backfill("list", "--status", "FAILED").out()).contains(id);

    CliRun pause = backfill("pause", id);
    assertThat(pause.exit()).isEqualTo(1);
    assertThat(pause.err()).contains("ended already");

    broken.set(false);
    CliRun retry = backfill("retry-failed", id, "--output", "json");
    assertThat(retry.exit()).as(retry.err()).isZero();
    JsonNode retried = JsonValues.parseOne("json", retry.out());
    assertThat(retried.path("retryOf").asText()).isEqualTo(id);
    assertThat(awaitEnded(retried.path("backfillId").asText())).contains("status      COMPLETED");

    CliRun bad =
        backfill("launch", "--selection", "trades/daily", "--keys", "2023-12-31,2024-01-01");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("2023-12-31").contains("trades/daily");
    assertThat(backfill("launch", "--selection", "trades/daily").exit()).isEqualTo(2);
  }
}
