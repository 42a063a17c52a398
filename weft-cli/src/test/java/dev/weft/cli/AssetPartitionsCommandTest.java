package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.client.WorkflowFilter;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft asset partitions | invalidate | dynamic-partitions | integer-end}: a daily asset of
 * January 2024 (days 1..10 materialized, day 5 failed) with a downstream asset, as tables and JSON.
 */
class AssetPartitionsCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final TimeWindowPartitions JANUARY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC)
          .end(LocalDate.of(2024, 2, 1));

  @TempDir Path dir;
  private WeftEngine engine;
  private WeftServer server;
  private Assets assets;

  @BeforeEach
  void start() {
    engine = WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build();
    assets =
        Assets.builder(engine)
            .definitions(
                Asset.builder("market/prices")
                    .partitions(JANUARY)
                    .output(String.class)
                    .compute(
                        ctx -> {
                          if (ctx.partitionKey().equals("2024-01-05")) {
                            throw new IllegalStateException("no quotes");
                          }
                          return "p" + ctx.partitionKey();
                        }),
                Asset.builder("market/returns")
                    .partitions(JANUARY)
                    .input("market/prices", String.class)
                    .output(String.class)
                    .compute(ctx -> "r" + ctx.input("market/prices", String.class)),
                Asset.builder("crm/accounts")
                    .partitions(DynamicPartitions.named("customers"))
                    .output(String.class)
                    .compute(ctx -> "a"))
            .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
            .build();
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
    assets
        .materialize("market/prices", PartitionSelection.range("2024-01-01", "2024-01-10"))
        .await(WAIT);
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
  void printsTheSummaryTheBarTheRangesInAStatusAndOnePartition() {
    CliRun summary = asset("partitions", "market/prices");
    assertThat(summary.exit()).as(summary.err()).isZero();
    assertThat(summary.out())
        .startsWith("market/prices: daily partitions from 2024-01-01 to 2024-02-01T00:00")
        .contains("partitions: 31 (2024-01-01 .. 2024-01-31)")
        .containsPattern("MATERIALIZED\\s+9")
        .containsPattern("FAILED\\s+1")
        .containsPattern("MISSING\\s+21");
    JsonNode json =
        JsonValues.parseOne("json", asset("partitions", "market/prices", "--output", "json").out());
    assertThat(json.path("counts").path("MATERIALIZED").asLong()).isEqualTo(9);

    CliRun bar =
        asset(
            "partitions",
            "market/prices",
            "--bar",
            "6",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-12");
    assertThat(bar.exit()).as(bar.err()).isZero();
    assertThat(bar.out()).contains("[##*##.]");
    assertThat(bar.out()).contains("legend: # MATERIALIZED, ~ STALE, ! FAILED");
    assertThat(bar.out()).contains("2024-01-05 .. 2024-01-06: MATERIALIZED 1, FAILED 1");
    assertThat(bar.out()).contains("12 partitions in 6 buckets").doesNotContain("2024-01-01 ..");
    CliRun wholeBar = asset("partitions", "market/prices", "--bar", "31");
    assertThat(wholeBar.out()).contains("[####!#####.....................]");

    CliRun failed = asset("partitions", "market/prices", "--status", "FAILED");
    assertThat(failed.exit()).as(failed.err()).isZero();
    assertThat(failed.out()).containsPattern("2024-01-05\\s+2024-01-05\\s+1\\s+FAILED");
    assertThat(failed.out()).contains("no quotes");
    CliRun page =
        asset("partitions", "market/prices", "--status", "MATERIALIZED", "--page-size", "2");
    assertThat(page.out()).contains("next page: --page-token ");
    String token = page.out().lines().reduce((a, b) -> b).orElseThrow().split("--page-token ")[1];
    CliRun next =
        asset("partitions", "market/prices", "--status", "MATERIALIZED", "--page-token", token);
    assertThat(next.out()).contains("2024-01-03").doesNotContain("2024-01-01 ");
    CliRun missing = asset("partitions", "market/prices", "--status", "MISSING");
    assertThat(missing.out()).containsPattern("2024-01-11\\s+2024-01-31\\s+21\\s+MISSING");

    CliRun one = asset("partitions", "market/prices", "--key", "2024-01-05");
    assertThat(one.out()).contains("market/prices partition 2024-01-05: FAILED");
    assertThat(one.out()).contains("detail: ").contains("no quotes");

    CliRun badKey = asset("partitions", "market/prices", "--key", "2024-13-01");
    assertThat(badKey.exit()).isEqualTo(1);
    assertThat(badKey.err()).contains("2024-13-01").contains("market/prices");
    CliRun both = asset("partitions", "market/prices", "--bar", "5", "--key", "2024-01-01");
    assertThat(both.exit()).isEqualTo(2);
    CliRun fromAlone = asset("partitions", "market/prices", "--from", "2024-01-01");
    assertThat(fromAlone.exit()).isEqualTo(2);
  }

  @Test
  void materializeWithoutPartitionsRefusesPartitionedAssetsAndStartsNothing() {
    CliRun all = asset("materialize", "*");
    assertThat(all.exit()).isEqualTo(1);
    assertThat(all.err())
        .contains("selection-has-partitioned-assets")
        .contains("crm/accounts, market/prices, market/returns")
        .contains("or a backfill");
    CliRun dry = asset("materialize", "market/prices+", "--dry-run");
    assertThat(dry.exit()).isEqualTo(1);
    assertThat(dry.err()).contains("holds partitioned assets market/prices, market/returns");
    assertThat(
            engine
                .client()
                .countWorkflows(
                    WorkflowFilter.query("WorkflowId STARTS_WITH '__weft_materialize:'")))
        .isEqualTo(1);
  }

  @Test
  void invalidatesWithCascadeAndRematerializes() {
    assets
        .materialize("market/returns", PartitionSelection.range("2024-01-01", "2024-01-04"))
        .await(WAIT);
    CliRun range =
        asset(
            "invalidate",
            "market/prices",
            "--from",
            "2024-01-02",
            "--to",
            "2024-01-03",
            "--reason",
            "bad vendor file");
    assertThat(range.exit()).as(range.err()).isZero();
    assertThat(range.out()).containsPattern("market/prices\\s+2");
    assertThat(range.out()).containsPattern("market/returns\\s+2");
    assertThat(range.out()).doesNotContain("materialization started");

    CliRun keys =
        asset(
            "invalidate",
            "market/prices",
            "--keys",
            "2024-01-04",
            "--reason",
            "late fix",
            "--rematerialize",
            "--output",
            "json");
    assertThat(keys.exit()).as(keys.err()).isZero();
    JsonNode json = JsonValues.parseOne("json", keys.out());
    String workflowId = json.path("materialization").path("workflowId").asText();
    assertThat(workflowId).startsWith("__weft_materialize:");
    assertThat(assets.handle(workflowId).await(WAIT).succeeded()).isTrue();
    assertThat(asset("partitions", "market/returns", "--key", "2024-01-04").out())
        .contains(": MATERIALIZED");
    assertThat(asset("partitions", "market/returns", "--key", "2024-01-03").out())
        .contains(": STALE")
        .contains("bad vendor file");

    CliRun noReason = asset("invalidate", "market/prices", "--keys", "2024-01-04");
    assertThat(noReason.exit()).isEqualTo(2);
    CliRun both =
        asset(
            "invalidate",
            "market/prices",
            "--keys",
            "2024-01-04",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-02",
            "--reason",
            "x");
    assertThat(both.exit()).isEqualTo(2);
    CliRun outside = asset("invalidate", "market/prices", "--keys", "2025-01-04", "--reason", "x");
    assertThat(outside.exit()).isEqualTo(1);
    assertThat(outside.err()).contains("2025-01-04");
  }

  @Test
  void addsListsAndRemovesDynamicKeys() {
    CliRun added = asset("dynamic-partitions", "customers", "--add", "acme,globex,initech");
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).containsPattern("0\\s+acme").containsPattern("2\\s+initech");
    CliRun page = asset("dynamic-partitions", "customers", "--page-size", "2");
    assertThat(page.out()).contains("acme").contains("globex").doesNotContain("initech");
    assertThat(page.out()).contains("next page: --page-token ");
    CliRun removed = asset("dynamic-partitions", "customers", "--remove", "globex");
    assertThat(removed.out()).contains("removed globex");
    JsonNode json =
        JsonValues.parseOne(
            "json", asset("dynamic-partitions", "customers", "--output", "json").out());
    assertThat(json.path("keys")).hasSize(2);
    assertThat(json.path("keys").get(1).path("index").asLong()).isEqualTo(2);
    CliRun unknown = asset("dynamic-partitions", "customers", "--remove", "nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("nope");
  }

  @Test
  void printsAndAdvancesTheEndOfAGrowingIntegerRange() {
    CliRun none = asset("integer-end", "chain");
    assertThat(none.exit()).as(none.err()).isZero();
    assertThat(none.out()).contains("chain: no end recorded");
    CliRun advanced = asset("integer-end", "chain", "--advance", "100");
    assertThat(advanced.exit()).as(advanced.err()).isZero();
    assertThat(advanced.out()).contains("chain: end 100 (exclusive; last partition 99), updated ");
    JsonNode json =
        JsonValues.parseOne("json", asset("integer-end", "chain", "--output", "json").out());
    assertThat(json.path("end").asLong()).isEqualTo(100);
    CliRun behind = asset("integer-end", "chain", "--advance", "40");
    assertThat(behind.exit()).isEqualTo(1);
    assertThat(behind.err()).contains("ends at 100", "40 would move it backwards");
    CliRun badName = asset("integer-end", "not-a-name");
    assertThat(badName.exit()).isEqualTo(1);
    assertThat(badName.err()).contains("not-a-name");
  }
}
