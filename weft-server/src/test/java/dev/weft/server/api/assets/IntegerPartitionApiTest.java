package dev.weft.server.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.partitions.IntegerRangePartitions;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The current end of a named growing integer range over HTTP on both stores, through {@link
 * ApiCalls} (every answer checked against the OpenAPI document): unknown at first (the asset has no
 * partition), advanced by PUT, then seen by the partition summary, the bar and a backfill's dry
 * run; never moved backwards; every bad input a problem naming the field.
 */
class IntegerPartitionApiTest {
  private static final String NS = "/api/v1/namespaces/default";
  private static final String CHAIN = NS + "/integer-partitions/chain";
  private static final String BLOCKS = NS + "/assets/chain%2Fblocks/partitions";

  @TempDir Path dir;

  private ApiServer start(TestStore store) {
    AtomicReference<Assets> assets = new AtomicReference<>();
    return ApiServer.start(
        store,
        dir,
        engine ->
            assets.set(
                Assets.builder(engine)
                    .definitions(
                        Asset.builder("chain/blocks")
                            .partitions(IntegerRangePartitions.from(0).named("chain"))
                            .output(String.class)
                            .compute(ctx -> "b" + ctx.partitionKey()))
                    .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                    .build()));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAdvancedEndIsWhatTheSummaryTheBarAndBackfillsSee(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      JsonNode unknown = api.get(CHAIN).json();
      assertThat(unknown.path("name").asText()).isEqualTo("chain");
      assertThat(unknown.get("end").isNull()).isTrue();
      assertThat(unknown.get("updatedAt").isNull()).isTrue();
      JsonNode before = api.get(BLOCKS).json();
      assertThat(before.path("definition").path("name").asText()).isEqualTo("chain");
      assertThat(before.path("sizeKnown").asBoolean()).isFalse();
      assertThat(api.get(BLOCKS + "/bar?buckets=4").status()).isEqualTo(400);

      JsonNode advanced = api.put(CHAIN, Map.of("end", 100)).json();
      assertThat(advanced.path("end").asLong()).isEqualTo(100);
      assertThat(advanced.path("updatedAt").asText()).isNotEmpty();
      assertThat(api.get(CHAIN).json().path("end").asLong()).isEqualTo(100);

      JsonNode summary = api.get(BLOCKS).json();
      assertThat(summary.path("sizeKnown").asBoolean()).isTrue();
      assertThat(summary.path("total").asLong()).isEqualTo(100);
      assertThat(summary.path("counts").path("MISSING").asLong()).isEqualTo(100);
      assertThat(summary.path("lastKey").asText()).isEqualTo("99");
      JsonNode bar = api.get(BLOCKS + "/bar?buckets=4").json();
      assertThat(bar.path("buckets")).hasSize(4);
      assertThat(bar.path("buckets").get(3).path("to").asText()).isEqualTo("99");
      JsonNode dryRun =
          api.post(
                  NS + "/backfills",
                  Map.of(
                      "selection",
                      "chain/blocks",
                      "partitions",
                      Map.of("from", "0", "to", "99"),
                      "dryRun",
                      true))
              .json();
      assertThat(dryRun.toString()).contains("chain/blocks");

      ApiCalls.Answer behind = api.put(CHAIN, Map.of("end", 40));
      assertThat(behind.status()).isEqualTo(409);
      assertThat(behind.problemType()).isEqualTo("integer-end-behind");
      assertThat(behind.json().path("field").asText()).isEqualTo("end");
      assertThat(behind.json().path("detail").asText())
          .contains("integer range chain", "ends at 100", "40 would move it backwards");
      assertThat(api.put(CHAIN, Map.of("end", 100)).status()).as("the same end").isEqualTo(200);

      ApiCalls.Answer missing = api.put(CHAIN, Map.of());
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.json().path("field").asText()).isEqualTo("end");
      ApiCalls.Answer negative = api.put(CHAIN, Map.of("end", -1));
      assertThat(negative.status()).isEqualTo(400);
      assertThat(negative.json().path("value").asLong()).isEqualTo(-1);
      ApiCalls.Answer badName = api.get(NS + "/integer-partitions/not-a-name");
      assertThat(badName.status()).isEqualTo(400);
      assertThat(badName.json().path("field").asText()).isEqualTo("name");
    }
  }
}
