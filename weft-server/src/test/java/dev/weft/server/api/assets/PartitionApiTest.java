package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.MaterializationResult;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.MarkPartitionsInProgress;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The partition routes on both stores, through {@link ApiCalls} (every answer checked against the
 * OpenAPI document): a daily asset (January 2024) and an integer-range asset (blocks 0..99), each
 * with a downstream asset partitioned alike; summary, bar, ranges, one key, invalidate with cascade
 * and with rematerialize (run by the node hosting the code through {@code __weft_invalidate}),
 * dynamic keys, and every bad input.
 */
class PartitionApiTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NS = "/api/v1/namespaces/default";
  private static final String PRICES = NS + "/assets/market%2Fprices/partitions";
  private static final String RETURNS = NS + "/assets/market%2Freturns/partitions";
  private static final String BLOCKS = NS + "/assets/chain%2Fblocks/partitions";
  private static final String ENRICHED = NS + "/assets/chain%2Fenriched/partitions";
  private static final TimeWindowPartitions JANUARY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC)
          .end(LocalDate.of(2024, 2, 1));
  private static final IntegerRangePartitions HUNDRED = IntegerRangePartitions.from(0).to(100);

  @TempDir Path dir;
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> computes = new ConcurrentHashMap<>();

  private List<AssetsDefinition> definitions() {
    return List.of(
        Asset.builder("market/prices")
            .partitions(JANUARY)
            .output(String.class)
            .compute(
                ctx -> {
                  computes
                      .computeIfAbsent(ctx.partitionKey(), k -> new AtomicInteger())
                      .incrementAndGet();
                  if (failing.contains(ctx.partitionKey())) {
                    throw new IllegalStateException("no quotes for " + ctx.partitionKey());
                  }
                  return "p" + ctx.partitionKey();
                }),
        Asset.builder("market/returns")
            .partitions(JANUARY)
            .input("market/prices", String.class)
            .output(String.class)
            .compute(ctx -> "r" + ctx.input("market/prices", String.class)),
        Asset.builder("chain/blocks")
            .partitions(HUNDRED)
            .output(String.class)
            .compute(ctx -> "b" + ctx.partitionKey()),
        Asset.builder("chain/enriched")
            .partitions(HUNDRED)
            .input("chain/blocks", String.class)
            .output(String.class)
            .compute(ctx -> "e" + ctx.input("chain/blocks", String.class)),
        Asset.builder("crm/accounts")
            .partitions(DynamicPartitions.named("customers"))
            .output(String.class)
            .compute(ctx -> "a" + ctx.partitionKey()),
        Asset.builder("misc/plain").output(Integer.class).compute(ctx -> 1));
  }

  private ApiServer start(TestStore store, AtomicReference<Assets> assets) {
    return ApiServer.start(
        store,
        dir,
        engine ->
            assets.set(
                Assets.builder(engine)
                    .definitions(definitions())
                    .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                    .build()));
  }

  private static MaterializationResult run(
      Assets assets, String selection, PartitionSelection partitions) {
    return assets.materialize(selection, partitions).await(WAIT);
  }

  private static long count(JsonNode counts, String status) {
    return counts.path(status).asLong(-1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void summaryBarRangesAndOneKeyOfADailyAndAnIntegerAsset(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      failing.add("2024-01-05");
      run(assets.get(), "market/prices", PartitionSelection.range("2024-01-01", "2024-01-10"));
      run(assets.get(), "chain/blocks", PartitionSelection.keys("10", "20"));

      JsonNode summary = api.get(PRICES).json();
      assertThat(summary.path("assetKey").asText()).isEqualTo("market/prices");
      assertThat(summary.path("definition").path("type").asText()).isEqualTo("time-window");
      assertThat(summary.path("definition").path("granularity").asText()).isEqualTo("daily");
      assertThat(summary.path("description").asText()).isEqualTo(JANUARY.toString());
      assertThat(summary.path("total").asLong()).isEqualTo(31);
      JsonNode counts = summary.path("counts");
      assertThat(count(counts, "MATERIALIZED")).isEqualTo(9);
      assertThat(count(counts, "FAILED")).isEqualTo(1);
      assertThat(count(counts, "STALE")).isZero();
      assertThat(count(counts, "IN_PROGRESS")).isZero();
      assertThat(count(counts, "MISSING")).isEqualTo(21);
      assertThat(summary.path("firstKey").asText()).isEqualTo("2024-01-01");
      assertThat(summary.path("lastKey").asText()).isEqualTo("2024-01-31");

      JsonNode bar = api.get(PRICES + "/bar?buckets=3&from=2024-01-01&to=2024-01-09").json();
      assertThat(bar.path("from").asText()).isEqualTo("2024-01-01");
      assertThat(bar.path("to").asText()).isEqualTo("2024-01-09");
      assertThat(bar.path("total").asLong()).isEqualTo(9);
      JsonNode buckets = bar.path("buckets");
      assertThat(buckets).hasSize(3);
      assertThat(buckets.get(1).path("from").asText()).isEqualTo("2024-01-04");
      assertThat(buckets.get(1).path("to").asText()).isEqualTo("2024-01-06");
      assertThat(count(buckets.get(1).path("counts"), "MATERIALIZED")).isEqualTo(2);
      assertThat(count(buckets.get(1).path("counts"), "FAILED")).isEqualTo(1);
      assertThat(count(buckets.get(1).path("counts"), "MISSING")).isZero();
      JsonNode whole = api.get(PRICES + "/bar?buckets=1000").json();
      assertThat(whole.path("buckets")).hasSize(31);
      assertThat(whole.path("to").asText()).isEqualTo("2024-01-31");

      JsonNode failed = api.get(PRICES + "/ranges?status=FAILED").json();
      assertThat(failed.path("ranges")).hasSize(1);
      JsonNode day5 = failed.path("ranges").get(0);
      assertThat(day5.path("from").asText()).isEqualTo("2024-01-05");
      assertThat(day5.path("to").asText()).isEqualTo("2024-01-05");
      assertThat(day5.path("partitions").asLong()).isEqualTo(1);
      assertThat(day5.path("detail").asText()).contains("no quotes for 2024-01-05");
      assertThat(failed.get("nextPageToken").isNull()).isTrue();
      JsonNode materialized = api.get(PRICES + "/ranges?status=MATERIALIZED&pageSize=1").json();
      // each partition holds its own data version: the store lists them apart
      assertThat(materialized.path("ranges").get(0).path("to").asText()).isEqualTo("2024-01-01");
      String token = materialized.path("nextPageToken").asText();
      JsonNode second = api.get(PRICES + "/ranges?status=MATERIALIZED&pageToken=" + token).json();
      assertThat(second.path("ranges")).hasSize(8);
      assertThat(second.path("ranges").get(0).path("from").asText()).isEqualTo("2024-01-02");
      assertThat(second.path("ranges").get(3).path("from").asText()).isEqualTo("2024-01-06");
      assertThat(second.path("ranges").get(0).path("dataVersion").isTextual()).isTrue();
      JsonNode missing = api.get(PRICES + "/ranges?status=MISSING").json().path("ranges");
      assertThat(missing).hasSize(1);
      assertThat(missing.get(0).path("from").asText()).isEqualTo("2024-01-11");
      assertThat(missing.get(0).path("partitions").asLong()).isEqualTo(21);
      assertThat(missing.get(0).get("dataVersion").isNull()).isTrue();

      JsonNode key = api.get(PRICES + "/status?key=2024-01-05").json();
      assertThat(key.path("status").asText()).isEqualTo("FAILED");
      assertThat(key.path("detail").asText()).contains("no quotes");
      JsonNode absent = api.get(PRICES + "/status?key=2024-01-20").json();
      assertThat(absent.path("status").asText()).isEqualTo("MISSING");
      assertThat(absent.get("dataVersion").isNull()).isTrue();

      JsonNode blocks = api.get(BLOCKS).json();
      assertThat(blocks.path("total").asLong()).isEqualTo(100);
      assertThat(count(blocks.path("counts"), "MATERIALIZED")).isEqualTo(2);
      assertThat(blocks.path("firstKey").asText()).isEqualTo("0");
      assertThat(blocks.path("lastKey").asText()).isEqualTo("99");
      JsonNode gaps = api.get(BLOCKS + "/ranges?status=MISSING&pageSize=2").json();
      assertThat(gaps.path("ranges")).hasSize(2);
      assertThat(gaps.path("ranges").get(0).path("to").asText()).isEqualTo("9");
      assertThat(gaps.path("ranges").get(1).path("from").asText()).isEqualTo("11");
      assertThat(gaps.path("ranges").get(1).path("to").asText()).isEqualTo("19");
      JsonNode lastGap =
          api.get(
                  BLOCKS
                      + "/ranges?status=MISSING&pageSize=2&pageToken="
                      + gaps.path("nextPageToken").asText())
              .json();
      assertThat(lastGap.path("ranges")).hasSize(1);
      assertThat(lastGap.path("ranges").get(0).path("from").asText()).isEqualTo("21");
      assertThat(lastGap.path("ranges").get(0).path("partitions").asLong()).isEqualTo(79);
      assertThat(lastGap.get("nextPageToken").isNull()).isTrue();
      assertThat(api.get(ENRICHED).json().path("counts").path("MISSING").asLong()).isEqualTo(100);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void invalidateCascadesDownstreamAndCanRematerialize(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      run(assets.get(), "market/prices+", PartitionSelection.range("2024-01-01", "2024-01-10"));
      run(assets.get(), "chain/blocks+", PartitionSelection.range("0", "9"));

      ApiCalls.Answer range =
          api.post(
              PRICES + "/invalidate",
              Map.of("from", "2024-01-02", "to", "2024-01-04", "reason", "bad vendor file"));
      assertThat(range.status()).isEqualTo(200);
      JsonNode invalidated = range.json().path("invalidated");
      assertThat(invalidated).hasSize(2);
      assertThat(invalidated.get(0).path("assetKey").asText()).isEqualTo("market/prices");
      assertThat(invalidated.get(0).path("partitions").asLong()).isEqualTo(3);
      assertThat(invalidated.get(1).path("assetKey").asText()).isEqualTo("market/returns");
      assertThat(invalidated.get(1).path("partitions").asLong()).isEqualTo(3);
      assertThat(range.json().get("materialization").isNull()).isTrue();
      assertThat(count(api.get(PRICES).json().path("counts"), "STALE")).isEqualTo(3);
      assertThat(count(api.get(RETURNS).json().path("counts"), "STALE")).isEqualTo(3);
      JsonNode stale = api.get(RETURNS + "/status?key=2024-01-03").json();
      assertThat(stale.path("status").asText()).isEqualTo("STALE");
      assertThat(stale.path("detail").asText()).contains("bad vendor file");

      ApiCalls.Answer again =
          api.post(
              PRICES + "/invalidate",
              Map.of("keys", List.of("2024-01-06"), "reason", "late fix", "rematerialize", true));
      assertThat(again.status()).isEqualTo(200);
      JsonNode materialization = again.json().path("materialization");
      assertThat(materialization.path("workflowId").asText()).startsWith("__weft_materialize:");
      assertThat(materialization.path("runId").asText()).isNotEmpty();
      assertThat(
              assets
                  .get()
                  .handle(materialization.path("workflowId").asText())
                  .await(WAIT)
                  .succeeded())
          .isTrue();
      assertThat(computes.get("2024-01-06").get()).isEqualTo(2);
      assertThat(api.get(PRICES + "/status?key=2024-01-06").json().path("status").asText())
          .isEqualTo("MATERIALIZED");
      assertThat(api.get(RETURNS + "/status?key=2024-01-06").json().path("status").asText())
          .isEqualTo("MATERIALIZED");
      assertThat(count(api.get(RETURNS).json().path("counts"), "STALE")).isEqualTo(3);

      JsonNode blocks =
          api.post(BLOCKS + "/invalidate", Map.of("from", "3", "to", "5", "reason", "re-org at 3"))
              .json()
              .path("invalidated");
      assertThat(blocks.get(1).path("assetKey").asText()).isEqualTo("chain/enriched");
      assertThat(blocks.get(1).path("partitions").asLong()).isEqualTo(3);
      JsonNode enrichedStale = api.get(ENRICHED + "/ranges?status=STALE").json().path("ranges");
      assertThat(enrichedStale).hasSize(3);
      assertThat(enrichedStale.get(0).path("from").asText()).isEqualTo("3");
      assertThat(enrichedStale.get(2).path("to").asText()).isEqualTo("5");
      assertThat(enrichedStale.get(0).path("detail").asText()).contains("re-org at 3");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void dynamicKeysAreAddedListedAndRemoved(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      String customers = NS + "/dynamic-partitions/customers";
      JsonNode added = api.post(customers, Map.of("keys", List.of("acme", "globex"))).json();
      assertThat(added.path("name").asText()).isEqualTo("customers");
      assertThat(added.path("added").get(0).path("key").asText()).isEqualTo("acme");
      assertThat(added.path("added").get(0).path("index").asLong()).isZero();
      assertThat(added.path("added").get(1).path("index").asLong()).isEqualTo(1);
      JsonNode same = api.post(customers, Map.of("keys", List.of("acme"))).json();
      assertThat(same.path("added").get(0).path("index").asLong()).isZero();

      JsonNode page = api.get(customers + "?pageSize=1").json();
      assertThat(page.path("keys")).hasSize(1);
      assertThat(page.path("keys").get(0).path("key").asText()).isEqualTo("acme");
      JsonNode rest =
          api.get(customers + "?pageToken=" + page.path("nextPageToken").asText()).json();
      assertThat(rest.path("keys").get(0).path("key").asText()).isEqualTo("globex");
      assertThat(api.get(NS + "/assets/crm%2Faccounts/partitions").json().path("total").asLong())
          .isEqualTo(2);

      JsonNode removed = api.post(customers + "/remove", Map.of("keys", List.of("globex"))).json();
      assertThat(removed.path("removed").get(0).asText()).isEqualTo("globex");
      JsonNode after = api.get(customers).json();
      assertThat(after.path("keys")).hasSize(1);
      assertThat(after.get("nextPageToken").isNull()).isTrue();
      JsonNode accounts = api.get(NS + "/assets/crm%2Faccounts/partitions").json();
      assertThat(accounts.path("total").asLong()).isEqualTo(1);
      assertThat(accounts.path("lastKey").asText()).isEqualTo("acme");

      // a run materializing acme (index 0) holds the key: nothing is removed
      assertThat(
              s.engine()
                  .store()
                  .commit(
                      Batch.of(
                          new MarkPartitionsInProgress(
                              "default",
                              "crm/accounts",
                              IndexRangeSet.of(IndexRange.of(0)),
                              "run-acme",
                              Instant.now())))
                  .join())
          .isInstanceOf(CommitResult.Committed.class);
      ApiCalls.Answer inUse = api.post(customers + "/remove", Map.of("keys", List.of("acme")));
      assertThat(inUse.status()).isEqualTo(409);
      assertThat(inUse.problemType()).isEqualTo("partition-in-use");
      assertThat(inUse.json().path("detail").asText()).contains("acme").contains("run-acme");
      assertThat(api.get(customers).json().path("keys")).hasSize(1);

      ApiCalls.Answer unknown = api.post(customers + "/remove", Map.of("keys", List.of("nope")));
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.problemType()).isEqualTo("invalid-partition-key");
      assertThat(unknown.json().path("value").asText()).isEqualTo("nope");
      ApiCalls.Answer pipe = api.post(customers, Map.of("keys", List.of("a|b")));
      assertThat(pipe.status()).isEqualTo(400);
      assertThat(pipe.problemType()).isEqualTo("invalid-partition-key");
      ApiCalls.Answer empty = api.post(customers, Map.of("keys", List.of()));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.json().path("field").asText()).isEqualTo("keys");
      ApiCalls.Answer badName = api.get(NS + "/dynamic-partitions/not-a-name");
      assertThat(badName.status()).isEqualTo(400);
      assertThat(badName.json().path("field").asText()).isEqualTo("name");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badInputsAreProblemsNamingTheFieldAndTheValue(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(store, assets)) {
      ApiCalls api = s.calls();
      ApiCalls.Answer unknown = api.get(NS + "/assets/market%2Fnope/partitions");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.problemType()).isEqualTo("asset-not-found");
      ApiCalls.Answer plain = api.get(NS + "/assets/misc%2Fplain/partitions/bar");
      assertThat(plain.status()).isEqualTo(400);
      assertThat(plain.problemType()).isEqualTo("not-partitioned");

      ApiCalls.Answer badKey = api.get(PRICES + "/status?key=2024-13-01");
      assertThat(badKey.status()).isEqualTo(400);
      assertThat(badKey.problemType()).isEqualTo("invalid-partition-key");
      assertThat(badKey.json().path("field").asText()).isEqualTo("key");
      assertThat(badKey.json().path("value").asText()).isEqualTo("2024-13-01");
      assertThat(badKey.json().path("detail").asText())
          .contains("market/prices")
          .contains("2024-13-01")
          .contains(JANUARY.toString());
      ApiCalls.Answer outside = api.get(PRICES + "/status?key=2024-02-01");
      assertThat(outside.problemType()).isEqualTo("invalid-partition-key");
      ApiCalls.Answer noKey = api.get(PRICES + "/status");
      assertThat(noKey.status()).isEqualTo(400);
      assertThat(noKey.json().path("field").asText()).isEqualTo("key");

      ApiCalls.Answer reversed = api.get(PRICES + "/bar?from=2024-01-09&to=2024-01-02");
      assertThat(reversed.problemType()).isEqualTo("invalid-partition-key");
      assertThat(reversed.json().path("field").asText()).isEqualTo("from");
      ApiCalls.Answer badTo = api.get(BLOCKS + "/bar?from=1&to=100");
      assertThat(badTo.json().path("field").asText()).isEqualTo("to");
      ApiCalls.Answer buckets = api.get(PRICES + "/bar?buckets=0");
      assertThat(buckets.status()).isEqualTo(400);
      assertThat(buckets.json().path("field").asText()).isEqualTo("buckets");

      ApiCalls.Answer noStatus = api.get(PRICES + "/ranges");
      assertThat(noStatus.json().path("field").asText()).isEqualTo("status");
      ApiCalls.Answer badStatus = api.get(PRICES + "/ranges?status=GREEN");
      assertThat(badStatus.json().path("field").asText()).isEqualTo("status");
      ApiCalls.Answer badToken = api.get(PRICES + "/ranges?status=MISSING&pageToken=zz");
      assertThat(badToken.status()).isEqualTo(400);
      assertThat(badToken.json().path("field").asText()).isEqualTo("pageToken");

      ApiCalls.Answer noReason =
          api.post(PRICES + "/invalidate", Map.of("from", "2024-01-01", "to", "2024-01-02"));
      assertThat(noReason.status()).isEqualTo(400);
      assertThat(noReason.json().path("field").asText()).isEqualTo("reason");
      ApiCalls.Answer both =
          api.post(
              PRICES + "/invalidate",
              Map.of(
                  "from",
                  "2024-01-01",
                  "to",
                  "2024-01-02",
                  "keys",
                  List.of("2024-01-01"),
                  "reason",
                  "x"));
      assertThat(both.status()).isEqualTo(400);
      assertThat(both.json().path("field").asText()).isEqualTo("keys");
      ApiCalls.Answer halfRange =
          api.post(PRICES + "/invalidate", Map.of("from", "2024-01-01", "reason", "x"));
      assertThat(halfRange.json().path("field").asText()).isEqualTo("to");
      ApiCalls.Answer neither = api.post(PRICES + "/invalidate", Map.of("reason", "x"));
      assertThat(neither.status()).isEqualTo(400);
      ApiCalls.Answer outsideTo =
          api.post(
              PRICES + "/invalidate",
              Map.of("from", "2024-01-01", "to", "2024-02-03", "reason", "x"));
      assertThat(outsideTo.problemType()).isEqualTo("invalid-partition-key");
      assertThat(outsideTo.json().path("field").asText()).isEqualTo("to");
      assertThat(outsideTo.json().path("value").asText()).isEqualTo("2024-02-03");
      ApiCalls.Answer badKeys =
          api.post(BLOCKS + "/invalidate", Map.of("keys", List.of("1", "x1"), "reason", "x"));
      assertThat(badKeys.problemType()).isEqualTo("invalid-partition-key");
      assertThat(badKeys.json().path("field").asText()).isEqualTo("keys");
      ApiCalls.Answer unknownField =
          api.post(PRICES + "/invalidate", Map.of("keys", List.of("2024-01-01"), "why", "x"));
      assertThat(unknownField.status()).isEqualTo(400);
      ApiCalls.Answer plainInvalidate =
          api.post(
              NS + "/assets/misc%2Fplain/partitions/invalidate",
              Map.of("keys", List.of(""), "reason", "x"));
      assertThat(plainInvalidate.problemType()).isEqualTo("not-partitioned");
      assertThat(api.get(PRICES).json().path("counts").path("STALE").asLong()).isZero();
    }
  }

  /** Waits the server's 30 s for a host: the catalog has the graph, no node hosts the code. */
  @Test
  void invalidateWithoutANodeHostingTheCodeIs503AndInvalidatesNothing() {
    AtomicReference<Assets> assets = new AtomicReference<>();
    try (ApiServer s = start(TestStore.SQLITE, assets)) {
      run(assets.get(), "market/prices", PartitionSelection.range("2024-01-01", "2024-01-02"));
    }
    try (ApiServer s = ApiServer.start(TestStore.SQLITE, dir, engine -> {})) {
      ApiCalls api = s.calls();
      assertThat(count(api.get(PRICES).json().path("counts"), "MATERIALIZED")).isEqualTo(2);
      ApiCalls.Answer noHost =
          api.post(PRICES + "/invalidate", Map.of("keys", List.of("2024-01-01"), "reason", "x"));
      assertThat(noHost.status()).isEqualTo(503);
      assertThat(noHost.problemType()).isEqualTo("no-asset-host");
      assertThat(noHost.json().path("namespace").asText()).isEqualTo("default");
      assertThat(noHost.json().path("detail").asText()).contains("'default'");
      assertThat(count(api.get(PRICES).json().path("counts"), "STALE")).isZero();
    }
  }
}
