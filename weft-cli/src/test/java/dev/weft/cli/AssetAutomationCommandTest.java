package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.automation.AutomationCondition;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft asset automation KEY}: the condition and the evaluations, as a table and JSON. */
class AssetAutomationCommandTest {
  @TempDir Path dir;
  private WeftEngine engine;
  private WeftServer server;

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
  void printsTheConditionAndTheEvaluationsPaged() {
    engine = WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build();
    Assets assets =
        Assets.builder(engine)
            .definitions(
                Asset.builder("chain/raw_blocks").output(Integer.class).compute(ctx -> 7),
                Asset.builder("chain/clean_blocks")
                    .input("chain/raw_blocks", Integer.class)
                    .output(Integer.class)
                    .automation(AutomationCondition.eager())
                    .compute(ctx -> ctx.input("chain/raw_blocks", Integer.class) + 1))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .build();
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
    assets.materialize("chain/raw_blocks").await(Duration.ofSeconds(60));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                JsonValues.parseOne(
                            "json",
                            asset("automation", "chain/clean_blocks", "--output", "json").out())
                        .path("evaluations")
                        .size()
                    >= 3);

    CliRun table = asset("automation", "chain/clean_blocks", "--page-size", "2");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out().lines().findFirst().orElseThrow()).isEqualTo("condition: eager()");
    assertThat(table.out()).contains("FIRED").contains("REASON");
    assertThat(table.out()).contains("next page: --page-token ");
    String token = table.out().lines().reduce((a, b) -> b).orElseThrow().split("--page-token ")[1];
    CliRun older =
        asset("automation", "chain/clean_blocks", "--page-size", "2", "--page-token", token);
    assertThat(older.exit()).as(older.err()).isZero();
    assertThat(table.out() + older.out())
        .containsPattern(
            "yes\\s+\\S+\\s+\\d+\\.\\.\\d+\\s+__weft_auto:chain/clean_blocks:\\d+\\s+eager\\(\\): chain/raw_blocks updated since the last run");

    JsonNode json =
        JsonValues.parseOne(
            "json", asset("automation", "chain/raw_blocks", "--output", "json").out());
    assertThat(json.has("condition")).isFalse();

    CliRun unknown = asset("automation", "chain/raw_blockz");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("chain/raw_blockz");
  }
}
