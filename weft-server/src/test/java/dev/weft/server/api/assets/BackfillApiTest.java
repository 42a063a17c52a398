package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.MultiPartitions;
import dev.weft.assets.partitions.PartitionDimension;
import dev.weft.assets.partitions.StaticPartitions;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.common.RetryPolicy;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backfill routes on both stores, through {@link ApiCalls} (every answer checked against the
 * OpenAPI document): dry run, launch, progress, failed ranges, retry of the failed partitions, the
 * state errors and bad input.
 */
class BackfillApiTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NS = "/api/v1/namespaces/default";
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);

  @TempDir Path dir;
  private final AtomicBoolean broken = new AtomicBoolean(true);

  private List<AssetsDefinition> definitions() {
    return List.of(
        Asset.builder("trades/daily")
            .partitions(DAILY)
            .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
            .output(String.class)
            .compute(
                ctx -> {
                  if (broken.get() && ctx.partitionKey().equals("2024-01-03")) {
                    throw new IllegalStateException("no trades file for 2024-01-03");
                  }
                  return ctx.partitionKey();
                }),
        Asset.builder("trades/summary")
            .partitions(DAILY)
            .input("trades/daily", String.class)
            .output(String.class)
            .compute(ctx -> "s" + ctx.input("trades/daily", String.class)),
        Asset.builder("plain").output(Integer.class).compute(ctx -> 1),
        Asset.builder("crm/accounts")
            .partitions(DynamicPartitions.named("customers"))
            .output(String.class)
            .compute(ctx -> ctx.partitionKey()),
        Asset.builder("crm/sales")
            .partitions(
                MultiPartitions.of(
                    PartitionDimension.of("day", DAILY),
                    PartitionDimension.of("region", StaticPartitions.of("eu", "us"))))
            .output(String.class)
            .compute(ctx -> ctx.partitionKey()));
  }

  private ApiServer start(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
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

  private static Map<String, Object> request(String selection, Object partitions, int max) {
    return Map.of("selection", selection, "partitions", partitions, "maxConcurrentRuns", max);
  }

  private static JsonNode awaitEnd(ApiCalls api, String id) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                List.of("COMPLETED", "FAILED", "CANCELED")
                    .contains(api.get(NS + "/backfills/" + id).json().path("status").asText()));
    return api.get(NS + "/backfills/" + id).json();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBackfillRunsReportsItsFailedDayAndARetryRunsOnlyThatDay(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      Map<String, Object> week = Map.of("from", "2024-01-01", "to", "2024-01-07");

      JsonNode dry =
          api.post(
                  NS + "/backfills",
                  Map.of("selection", "trades/daily+", "partitions", week, "dryRun", true))
              .json();
      assertThat(dry.path("dryRun").asBoolean()).isTrue();
      assertThat(dry.path("partitions").asLong()).isEqualTo(14);
      assertThat(dry.path("runs").asLong()).isEqualTo(14);
      assertThat(dry.path("assets").get(0).path("assetKey").asText()).isEqualTo("trades/daily");
      assertThat(api.get(NS + "/backfills").json().path("backfills")).isEmpty();

      ApiCalls.Answer launched = api.post(NS + "/backfills", request("trades/daily+", week, 2));
      assertThat(launched.status()).isEqualTo(202);
      String id = launched.json().path("backfillId").asText();
      assertThat(launched.json().path("workflowId").asText()).isEqualTo("__weft_backfill:" + id);
      assertThat(launched.json().path("retryOf").isNull()).isTrue();
      assertThat(launched.json().path("partitions").path("from").asText()).isEqualTo("2024-01-01");

      JsonNode ended = awaitEnd(api, id);
      assertThat(ended.path("status").asText()).isEqualTo("FAILED");
      assertThat(ended.path("totals").path("partitions").asLong()).isEqualTo(14);
      assertThat(ended.path("totals").path("MATERIALIZED").asLong()).isEqualTo(12);
      assertThat(ended.path("totals").path("FAILED").asLong()).isEqualTo(1);
      assertThat(ended.path("totals").path("SKIPPED").asLong()).isEqualTo(1);
      assertThat(ended.path("totals").path("PENDING").asLong()).isZero();
      assertThat(ended.path("assets").get(1).path("counts").path("SKIPPED").asLong()).isEqualTo(1);
      assertThat(ended.path("endedAt").asText()).isNotEmpty();

      JsonNode failed = api.get(NS + "/backfills/" + id + "/failed").json();
      assertThat(failed.path("failed")).hasSize(1);
      assertThat(failed.path("failed").get(0).path("from").asText()).isEqualTo("2024-01-03");
      assertThat(failed.path("failed").get(0).path("error").asText())
          .contains("no trades file for 2024-01-03");
      assertThat(failed.path("nextPageToken").isNull()).isTrue();

      ApiCalls.Answer over = api.post(NS + "/backfills/" + id + "/pause", Map.of());
      assertThat(over.status()).isEqualTo(409);
      assertThat(over.problemType()).isEqualTo("backfill-ended");

      broken.set(false);
      ApiCalls.Answer retry = api.post(NS + "/backfills/" + id + "/retry-failed", Map.of());
      assertThat(retry.status()).isEqualTo(202);
      assertThat(retry.json().path("retryOf").asText()).isEqualTo(id);
      String retryId = retry.json().path("backfillId").asText();
      assertThat(retry.json().path("partitions").path("keys").get(0).asText())
          .isEqualTo("2024-01-03");
      JsonNode retried = awaitEnd(api, retryId);
      assertThat(retried.path("status").asText()).isEqualTo("COMPLETED");
      assertThat(retried.path("totals").path("MATERIALIZED").asLong()).isEqualTo(2);

      ApiCalls.Answer nothing = api.post(NS + "/backfills/" + retryId + "/retry-failed", Map.of());
      assertThat(nothing.status()).isEqualTo(409);
      assertThat(nothing.problemType()).isEqualTo("nothing-failed");

      JsonNode all = api.get(NS + "/backfills?pageSize=1").json();
      assertThat(all.path("backfills").get(0).path("backfillId").asText()).isEqualTo(retryId);
      String token = all.path("nextPageToken").asText();
      assertThat(
              api.get(NS + "/backfills?pageSize=1&pageToken=" + token)
                  .json()
                  .path("backfills")
                  .get(0)
                  .path("backfillId")
                  .asText())
          .isEqualTo(id);
      assertThat(api.get(NS + "/backfills?status=FAILED").json().path("backfills")).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badInputAndUnknownBackfillsAreProblemsNamingTheFieldAndNothingIsRecorded(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      ApiCalls.Answer outside =
          api.post(
              NS + "/backfills",
              request("trades/daily", Map.of("keys", List.of("2024-01-02", "2023-12-31")), 2));
      assertThat(outside.status()).isEqualTo(400);
      assertThat(outside.problemType()).isEqualTo("invalid-partition-key");
      assertThat(outside.json().path("detail").asText()).contains("trades/daily", "2023-12-31");
      assertThat(outside.json().path("value").asText()).isEqualTo("2023-12-31");

      ApiCalls.Answer empty =
          api.post(
              NS + "/backfills",
              request("trades/daily", Map.of("from", "2024-01-05", "to", "2024-01-01"), 2));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.problemType()).isEqualTo("empty-partition-range");

      ApiCalls.Answer zero =
          api.post(
              NS + "/backfills",
              request("trades/daily", Map.of("from", "2024-01-01", "to", "2024-01-02"), 0));
      assertThat(zero.status()).isEqualTo(400);
      assertThat(zero.json().path("field").asText()).isEqualTo("maxConcurrentRuns");

      ApiCalls.Answer unknown =
          api.post(NS + "/backfills", request("nowhere", Map.of("keys", List.of("1")), 2));
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.problemType()).isEqualTo("unknown-asset");

      ApiCalls.Answer plain =
          api.post(NS + "/backfills", request("plain", Map.of("keys", List.of("1")), 2));
      assertThat(plain.status()).isEqualTo(400);
      assertThat(plain.json().path("detail").asText()).contains("plain", "not partitioned");

      ApiCalls.Answer shapeless =
          api.post(NS + "/backfills", request("trades/daily", Map.of("first", "x"), 2));
      assertThat(shapeless.status()).isEqualTo(400);
      assertThat(shapeless.json().path("field").asText()).isEqualTo("partitions");

      assertThat(api.get(NS + "/backfills").json().path("backfills")).isEmpty();

      ApiCalls.Answer missing = api.get(NS + "/backfills/bf-nope");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.problemType()).isEqualTo("backfill-not-found");
      assertThat(api.post(NS + "/backfills/bf-nope/cancel", Map.of()).status()).isEqualTo(404);
      assertThat(api.get(NS + "/backfills/bf-nope/failed").status()).isEqualTo(404);
      assertThat(api.get(NS + "/backfills?status=SOMETIMES").status()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDynamicOrMultiKeyTheCatalogLacksIsRefusedAtLaunchNamingKeyAssetAndDefinition(
      TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      api.post(NS + "/dynamic-partitions/customers", Map.of("keys", List.of("acme", "globex")));

      ApiCalls.Answer dynamic =
          api.post(
              NS + "/backfills",
              request("crm/accounts", Map.of("keys", List.of("acme", "initech")), 2));
      assertThat(dynamic.status()).isEqualTo(400);
      assertThat(dynamic.problemType()).isEqualTo("invalid-partition-key");
      assertThat(dynamic.json().path("detail").asText())
          .contains("'initech'", "crm/accounts", "dynamic partitions 'customers'");
      assertThat(dynamic.json().path("value").asText()).isEqualTo("initech");

      ApiCalls.Answer multi =
          api.post(
              NS + "/backfills",
              request("crm/sales", Map.of("keys", List.of("2024-01-02|eu", "2024-01-02|asia")), 2));
      assertThat(multi.status()).isEqualTo(400);
      assertThat(multi.problemType()).isEqualTo("invalid-partition-key");
      assertThat(multi.json().path("detail").asText()).contains("asia", "crm/sales");
      assertThat(api.get(NS + "/backfills").json().path("backfills")).isEmpty();

      Map<String, Object> known = Map.of("keys", List.of("acme", "globex"));
      JsonNode dry =
          api.post(
                  NS + "/backfills",
                  Map.of("selection", "crm/accounts", "partitions", known, "dryRun", true))
              .json();
      assertThat(dry.path("partitions").asLong()).isEqualTo(2);
      ApiCalls.Answer launched = api.post(NS + "/backfills", request("crm/accounts", known, 2));
      assertThat(launched.status()).isEqualTo(202);
      JsonNode ended = awaitEnd(api, launched.json().path("backfillId").asText());
      assertThat(ended.path("status").asText()).isEqualTo("COMPLETED");
      assertThat(ended.path("totals").path("MATERIALIZED").asLong()).isEqualTo(2);
    }
  }
}
