package dev.weft.assets;

import static dev.weft.assets.BackfillFixture.DAILY;
import static dev.weft.assets.BackfillFixture.JANUARY;
import static dev.weft.assets.BackfillFixture.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.assets.partitions.DynamicPartitions;
import dev.weft.assets.partitions.MultiPartitions;
import dev.weft.assets.partitions.PartitionDimension;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.StaticPartitions;
import dev.weft.store.assets.backfills.BackfillStatus;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a backfill launch refuses, on the node hosting the code and from the catalog alone. */
class BackfillValidationTest {
  @TempDir Path dir;
  @RegisterExtension final BackfillFixture fx = new BackfillFixture();

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badInputIsRefusedNamingAssetPartitionAndDefinitionWithNothingRecorded(TestStore kind) {
    AssetDefinition plain = Asset.builder("plain").compute(ctx -> 1);
    Assets assets = fx.start(kind, dir, fx.memory, fx.prices(new AtomicBoolean()), plain);
    CatalogBackfills server =
        new CatalogBackfills(
            fx.engine().client(), fx.engine().store(), "default", Clock.systemUTC());

    for (var backfills :
        List.<java.util.function.Consumer<BackfillRequest>>of(
            r -> assets.backfills().launch(r), server::launch)) {
      assertThatThrownBy(
              () ->
                  backfills.accept(
                      BackfillRequest.of(
                          "market/prices", PartitionSelection.range("2024-01-31", "2024-01-01"))))
          .isInstanceOf(PartitionKeyException.class)
          .hasMessageContaining("market/prices")
          .hasMessageContaining("holds no partition");
      assertThatThrownBy(
              () ->
                  backfills.accept(
                      BackfillRequest.of(
                          "market/prices", PartitionSelection.keys("2024-01-02", "2023-12-31"))))
          .isInstanceOf(PartitionKeyException.class)
          .hasMessageContaining("market/prices")
          .hasMessageContaining("2023-12-31")
          .hasMessageContaining("daily");
      assertThatThrownBy(
              () -> backfills.accept(BackfillRequest.of("plain", PartitionSelection.keys("1"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain")
          .hasMessageContaining("not partitioned");
      assertThatThrownBy(
              () -> backfills.accept(BackfillRequest.of("nowhere", PartitionSelection.keys("1"))))
          .isInstanceOf(UnknownAssetException.class)
          .hasMessageContaining("nowhere");
    }
    assertThatThrownBy(() -> BackfillRequest.of("market/prices", JANUARY).maxConcurrentRuns(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrentRuns is 0");
    assertThatThrownBy(() -> assets.backfills().describe("bf-nope"))
        .isInstanceOfSatisfying(
            BackfillException.class,
            e -> assertThat(e.reason()).isEqualTo(BackfillException.Reason.NOT_FOUND))
        .hasMessageContaining("bf-nope");
    assertThat(assets.backfills().list(null, null, 10).backfills()).isEmpty();
    assertThat(server.dryRun(BackfillRequest.of("market/prices", JANUARY)).partitions())
        .isEqualTo(31);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDynamicOrMultiKeyTheCatalogLacksIsRefusedAtLaunchAndTheKnownKeysRun(TestStore kind) {
    AssetDefinition accounts =
        Asset.builder("crm/accounts")
            .partitions(DynamicPartitions.named("customers"))
            .output(String.class)
            .compute(
                ctx -> {
                  fx.count("accounts " + ctx.partitionKey());
                  return ctx.partitionKey();
                });
    AssetDefinition sales =
        Asset.builder("crm/sales")
            .partitions(
                MultiPartitions.of(
                    PartitionDimension.of("day", DAILY),
                    PartitionDimension.of("region", StaticPartitions.of("eu", "us"))))
            .output(String.class)
            .compute(ctx -> ctx.partitionKey());
    Assets assets = fx.start(kind, dir, fx.memory, accounts, sales);
    assets.partitions().addDynamicPartitions("customers", List.of("acme", "globex"));
    CatalogBackfills server =
        new CatalogBackfills(
            fx.engine().client(), fx.engine().store(), "default", Clock.systemUTC());

    for (Consumer<BackfillRequest> launch :
        List.<Consumer<BackfillRequest>>of(server::launch, r -> assets.backfills().launch(r))) {
      assertThatThrownBy(
              () ->
                  launch.accept(
                      BackfillRequest.of(
                          "crm/accounts", PartitionSelection.keys("acme", "initech"))))
          .isInstanceOf(PartitionKeyException.class)
          .hasMessageContaining("'initech'")
          .hasMessageContaining("crm/accounts")
          .hasMessageContaining("dynamic partitions 'customers'");
      assertThatThrownBy(
              () ->
                  launch.accept(
                      BackfillRequest.of(
                          "crm/sales",
                          PartitionSelection.keys("2024-01-02|eu", "2024-01-02|asia"))))
          .isInstanceOf(PartitionKeyException.class)
          .hasMessageContaining("asia")
          .hasMessageContaining("crm/sales");
    }
    assertThat(server.list(null, null, 10).backfills()).isEmpty();

    BackfillRequest known =
        BackfillRequest.of("crm/accounts", PartitionSelection.keys("acme", "globex"));
    assertThat(server.dryRun(known).partitions()).isEqualTo(2);
    String id = server.launch(known).backfillId();
    assertThat(awaitEnd(assets, id).status()).isEqualTo(BackfillStatus.COMPLETED);
    assertThat(fx.computed("accounts acme")).isEqualTo(1);
    assertThat(fx.computed("accounts globex")).isEqualTo(1);
  }
}
