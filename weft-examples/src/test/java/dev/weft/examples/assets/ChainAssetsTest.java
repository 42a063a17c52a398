package dev.weft.examples.assets;

import static dev.weft.examples.assets.chain.ChainAssets.BLOCK_HASHES;
import static dev.weft.examples.assets.chain.ChainAssets.DAILY_VOLUME;
import static dev.weft.examples.assets.chain.ChainAssets.DECODED_BLOCKS;
import static dev.weft.examples.assets.chain.ChainAssets.ENRICHED_BLOCKS;
import static dev.weft.examples.assets.chain.ChainAssets.PARENTS_LINK;
import static dev.weft.examples.assets.chain.ChainAssets.RAW_BLOCKS;
import static dev.weft.examples.assets.chain.ChainAssets.TOKEN_PRICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetOutcome;
import dev.weft.assets.Assets;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.MaterializationResult;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.chain.DailyVolume;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.CheckResultRecord;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chain example: everything materializes; a re-org of one block, observed, makes exactly the
 * source's dependents stale; materializing them while the node is mid re-org fails the blocking
 * check {@code parents_link}, which stops everything downstream of the raw blocks and says why;
 * once the re-org settled, they materialize and are fresh again with the new block's transfers.
 */
class ChainAssetsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long REORGED = 20;

  @TempDir Path dir;
  private final InMemoryIoManager memory = new InMemoryIoManager();
  private final FakeChain chain = FakeChain.generate(ExampleAssets.BLOCKS, ExampleAssets.SEED);
  private WeftEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private Assets start(TestStore store) {
    engine = WeftEngine.builder().store(store.open(dir)).build();
    Assets assets = ExampleAssets.register(engine, memory, chain, DailyMetricsLogic.V1);
    engine.start();
    return assets;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aReorgMakesExactlyTheDependentsStaleAndTheBlockingCheckStopsDownstreamUntilItSettles(
      TestStore store) {
    Assets assets = start(store);

    MaterializationResult first = assets.materialize("*").await(WAIT);
    assertThat(first.succeeded()).as("%s", first).isTrue();
    assertThat(first.outcome(key(BLOCK_HASHES)).orElseThrow().status())
        .isEqualTo(AssetOutcome.Status.OBSERVED);
    assertThat(assets.stale()).isEmpty();
    assertThat(states(assets).values())
        .allSatisfy(s -> assertThat(s.status()).as(s.assetKey()).isEqualTo(AssetStatus.FRESH));
    assertThat(check(assets).passed()).isTrue();
    DailyVolume before = volume();
    assertThat(before.days()).hasSize(3);
    assertThat(before.transfers()).isEqualTo(transfersOnChain());

    chain.reorg(REORGED);
    MaterializationResult observed = assets.materialize(BLOCK_HASHES).await(WAIT);
    assertThat(observed.keys(AssetOutcome.Status.OBSERVED)).containsExactly(key(BLOCK_HASHES));

    assertThat(assets.stale())
        .extracting(AssetStateRecord::assetKey)
        .containsExactlyInAnyOrder(RAW_BLOCKS, DECODED_BLOCKS, ENRICHED_BLOCKS, DAILY_VOLUME);
    Map<String, AssetStateRecord> states = states(assets);
    assertThat(states.get(RAW_BLOCKS).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(StaleReasonKind.UPSTREAM_NEWER_DATA);
              assertThat(r.upstreamKey()).isEqualTo(BLOCK_HASHES);
            });
    assertThat(states.get(DAILY_VOLUME).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(StaleReasonKind.UPSTREAM_STALE);
              assertThat(r.upstreamKey()).isEqualTo(ENRICHED_BLOCKS);
              assertThat(r.rootCauseKey()).isEqualTo(BLOCK_HASHES);
              assertThat(r.detail())
                  .isEqualTo(
                      "upstream chain/enriched_blocks is stale (root cause: chain/block_hashes)");
            });
    assertThat(states.get(TOKEN_PRICES).status()).isEqualTo(AssetStatus.FRESH);
    assertThat(states.get("trades/daily_metrics").status()).isEqualTo(AssetStatus.FRESH);

    MaterializationResult midReorg = assets.materialize("+" + DAILY_VOLUME).await(WAIT);
    assertThat(midReorg.succeeded()).isFalse();
    assertThat(midReorg.failedBlockingChecks()).containsExactly(RAW_BLOCKS + ":" + PARENTS_LINK);
    assertThat(midReorg.keys(AssetOutcome.Status.MATERIALIZED))
        .containsExactlyInAnyOrder(key(RAW_BLOCKS), key(TOKEN_PRICES));
    assertThat(midReorg.keys(AssetOutcome.Status.SKIPPED))
        .containsExactlyInAnyOrder(key(DECODED_BLOCKS), key(ENRICHED_BLOCKS), key(DAILY_VOLUME));
    assertThat(midReorg.outcome(key(DECODED_BLOCKS)).orElseThrow().message())
        .isEqualTo(
            "upstream chain/raw_blocks failed blocking check(s) [chain/raw_blocks:parents_link]");
    assertThat(midReorg.outcome(key(ENRICHED_BLOCKS)).orElseThrow().message())
        .isEqualTo("upstream chain/decoded_blocks skipped");
    CheckResultRecord failed = check(assets);
    assertThat(failed.passed()).isFalse();
    assertThat(failed.blocking()).isTrue();
    assertThat(failed.metadataJson())
        .contains("\"block\":" + (REORGED + 1))
        .contains("\"expected_parent_hash\":\"" + chain.blocks().get((int) REORGED).hash());
    AssetStateRecord decoded = assets.status(key(DECODED_BLOCKS)).orElseThrow();
    assertThat(decoded.status()).isEqualTo(AssetStatus.STALE);
    assertThat(decoded.reasons())
        .extracting(StaleReason::kind, StaleReason::upstreamKey)
        .containsExactly(tuple(StaleReasonKind.UPSTREAM_NEWER_DATA, RAW_BLOCKS));
    assertThat(volume()).as("nothing downstream ran on the broken blocks").isEqualTo(before);

    chain.settle();
    MaterializationResult settled = assets.materialize(BLOCK_HASHES + "+").await(WAIT);
    assertThat(settled.succeeded()).as("%s", settled).isTrue();
    assertThat(check(assets).passed()).isTrue();
    assertThat(assets.stale()).isEmpty();
    assertThat(volume().transfers()).isEqualTo(transfersOnChain());
    assertThat(volume()).isNotEqualTo(before);
  }

  private long transfersOnChain() {
    return chain.blocks().stream().mapToLong(b -> b.transactions().size()).sum();
  }

  private DailyVolume volume() {
    return (DailyVolume) memory.get(key(DAILY_VOLUME)).orElseThrow();
  }

  private static CheckResultRecord check(Assets assets) {
    return assets.checks(key(RAW_BLOCKS)).stream()
        .filter(c -> c.checkName().equals(PARENTS_LINK))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, AssetStateRecord> states(Assets assets) {
    return assets.status().stream().collect(Collectors.toMap(AssetStateRecord::assetKey, s -> s));
  }

  private static AssetKey key(String path) {
    return AssetKey.of(path);
  }
}
