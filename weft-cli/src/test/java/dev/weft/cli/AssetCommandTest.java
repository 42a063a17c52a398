package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.AssetCheck;
import dev.weft.assets.Assets;
import dev.weft.assets.CheckResult;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft asset list|describe|materialize|history|stale|graph} against a real {@link
 * WeftServer} whose engine hosts three assets (the last with a failing blocking check).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssetCommandTest {
  @TempDir static Path dir;
  static WeftEngine engine;
  static WeftServer server;

  @BeforeAll
  static void startServer() {
    engine = WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build();
    Assets.builder(engine)
        .definitions(
            Asset.builder("chain/raw_blocks")
                .group("chain")
                .codeVersion("v1")
                .output(Integer.class)
                .compute(ctx -> 7),
            Asset.builder("chain/decoded_blocks")
                .group("chain")
                .description("decoded")
                .input("chain/raw_blocks", Integer.class)
                .output(Integer.class)
                .check(
                    AssetCheck.<Integer>error("positive", v -> CheckResult.of(v > 100))
                        .asBlocking())
                .compute(ctx -> ctx.input("chain/raw_blocks", Integer.class) + 1),
            Asset.builder("chain/daily_volume")
                .group("chain")
                .input("chain/decoded_blocks", Integer.class)
                .output(Integer.class)
                .compute(ctx -> ctx.input("chain/decoded_blocks", Integer.class) * 2))
        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
        .build();
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
    engine.close();
  }

  private static CliRun asset(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "asset";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--address";
    all[args.length + 2] = server.baseUri().toString();
    return run(all);
  }

  @Test
  @Order(1)
  void listsTheMissingAssetsAndTheGraph() {
    CliRun list = asset("list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("ASSET").contains("STATUS");
    assertThat(list.out().lines().skip(1))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).contains(" MISSING "));

    CliRun graph = asset("graph");
    assertThat(graph.exit()).as(graph.err()).isZero();
    assertThat(graph.out())
        .containsPattern("chain/daily_volume\\s+MISSING\\s+chain\\s+chain/decoded_blocks");
    CliRun json = asset("graph", "--output", "json");
    JsonNode g = JsonValues.parseOne("json", json.out());
    assertThat(g.path("nodes")).hasSize(3);
    assertThat(g.path("edges")).hasSize(2);
  }

  @Test
  @Order(1)
  void dryRunPrintsTheSelectedAssetsInOrderAndStartsNothing() {
    CliRun dry = asset("materialize", "chain/daily_volume,  +chain/decoded_blocks", "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out().lines())
        .containsExactly(
            "selection chain/daily_volume, +chain/decoded_blocks",
            "would materialize, in order:",
            "  chain/raw_blocks",
            "  chain/decoded_blocks",
            "  chain/daily_volume");
    CliRun json = asset("materialize", "chain/raw_blocks+", "--dry-run", "--output", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(JsonValues.parseOne("json", json.out()).path("assetKeys"))
        .hasSize(3)
        .first()
        .asString()
        .contains("chain/raw_blocks");
    CliRun typo = asset("materialize", "chain/raw_block", "--dry-run");
    assertThat(typo.exit()).isEqualTo(1);
    assertThat(typo.err()).contains("unknown-asset").contains("did you mean chain/raw_blocks");
    assertThat(asset("materialize", "*", "--dry-run", "--wait").exit()).isEqualTo(2);
    // nothing was started
    CliRun missing = asset("list", "--status", "MISSING");
    assertThat(missing.out().lines().skip(1)).hasSize(3);
  }

  @Test
  @Order(2)
  void materializeWaitsAndPrintsEachOutcomeExitingOneOnAFailedBlockingCheck() {
    CliRun m = asset("materialize", "+chain/daily_volume", "--wait");
    assertThat(m.exit()).as(m.out() + m.err()).isEqualTo(1);
    assertThat(m.out()).containsPattern("chain/raw_blocks\\s+MATERIALIZED");
    assertThat(m.out()).containsPattern("chain/decoded_blocks\\s+MATERIALIZED\\s+blocking check");
    assertThat(m.out()).containsPattern("chain/daily_volume\\s+SKIPPED\\s+upstream");

    CliRun one = asset("materialize", "chain/raw_blocks", "--wait", "--output", "json");
    assertThat(one.exit()).as(one.err()).isZero();
    JsonNode outcome = JsonValues.parseOne("json", one.out());
    assertThat(outcome.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(outcome.path("result").path("steps").get(0).path("status").asText())
        .isEqualTo("MATERIALIZED");

    CliRun started = asset("materialize", "chain/raw_blocks");
    assertThat(started.exit()).as(started.err()).isZero();
    assertThat(started.out()).contains("workflow __weft_materialize:").contains("chain/raw_blocks");
  }

  @Test
  @Order(3)
  void describesHistoryAndStaleAfterMaterializing() {
    CliRun d = asset("describe", "chain/decoded_blocks");
    assertThat(d.exit()).as(d.err()).isZero();
    assertThat(d.out())
        .containsPattern("Description\\s+decoded")
        .containsPattern("Upstream\\s+chain/raw_blocks")
        .containsPattern("Downstream\\s+chain/daily_volume")
        .containsPattern("Check positive\\s+FAILED \\(ERROR, blocking\\)");

    CliRun h = asset("history", "chain/raw_blocks", "--page-size", "1");
    assertThat(h.exit()).as(h.err()).isZero();
    assertThat(h.out()).contains("MATERIALIZED").contains("next page: --page-token ");
    String token = h.out().lines().reduce((a, b) -> b).orElseThrow().split("--page-token ")[1];
    CliRun h2 = asset("history", "chain/raw_blocks", "--page-size", "1", "--page-token", token);
    assertThat(h2.exit()).as(h2.err()).isZero();
    assertThat(h2.out()).contains("MATERIALIZED");

    // raw_blocks was materialized again with the same data: provenance says nothing is stale
    CliRun stale = asset("stale", "--output", "json");
    assertThat(stale.exit()).as(stale.err()).isZero();
    assertThat(JsonValues.parseOne("json", stale.out()).path("assets")).isEmpty();
    CliRun list = asset("list");
    assertThat(list.out().lines().findFirst().orElseThrow()).contains(" CHECKS ");
    assertThat(list.out())
        .containsPattern("chain/decoded_blocks\\s+FRESH\\s+chain\\s+\\S+\\s+fail:1!")
        .containsPattern("chain/raw_blocks\\s+FRESH\\s+chain\\s+\\S+\\s+- ");
    CliRun staleTable = asset("stale");
    assertThat(staleTable.out().lines()).singleElement().asString().startsWith("ASSET");
    CliRun missing = asset("list", "--status", "MISSING");
    assertThat(missing.out().lines().skip(1))
        .singleElement()
        .asString()
        .startsWith("chain/daily_volume");

    CliRun fresh = asset("list", "--status", "fresh", "--output", "json");
    assertThat(fresh.exit()).as(fresh.err()).isZero();
    assertThat(JsonValues.parseOne("json", fresh.out()).path("assets").toString())
        .contains("chain/raw_blocks");
  }

  @Test
  @Order(4)
  void refusalsExitOneAndBadUsageTwo() {
    CliRun syntax = asset("materialize", "chain/raw_blocks =x");
    assertThat(syntax.exit()).isEqualTo(1);
    assertThat(syntax.err()).contains("invalid-selection").contains("position");
    CliRun unknown = asset("describe", "chain/nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("asset chain/nope is not in the graph");
    CliRun typo = asset("materialize", "chain/raw_block");
    assertThat(typo.exit()).isEqualTo(1);
    assertThat(typo.err()).contains("did you mean chain/raw_blocks");
    assertThat(asset("describe").exit()).isEqualTo(2);
    assertThat(asset("list", "--output", "yaml").exit()).isEqualTo(2);
    assertThat(run("asset").exit()).isEqualTo(2);
  }
}
