package dev.weft.examples.assets.chain;

import dev.weft.assets.AssetContext;
import dev.weft.assets.CheckResult;
import dev.weft.assets.DataVersion;
import dev.weft.assets.annotation.Asset;
import dev.weft.assets.annotation.Check;
import dev.weft.assets.annotation.Input;
import dev.weft.assets.annotation.ObservableSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain example in the annotation style: {@code chain/block_hashes} (an observable source: the
 * node's blocks, observed, not computed) {@code -> chain/raw_blocks -> chain/decoded_blocks ->
 * chain/enriched_blocks (<- chain/token_prices) -> chain/daily_volume}. The blocking check {@code
 * parents_link} on {@code chain/raw_blocks} stops everything downstream of it when the fetched
 * blocks do not form a chain (a node in the middle of a re-org).
 */
public final class ChainAssets {
  /** The group of the chain's assets. */
  public static final String GROUP = "chain";

  /** The observable source: the node's block hashes. */
  public static final String BLOCK_HASHES = "chain/block_hashes";

  /** The blocks as fetched. */
  public static final String RAW_BLOCKS = "chain/raw_blocks";

  /** The decoded transfers. */
  public static final String DECODED_BLOCKS = "chain/decoded_blocks";

  /** The token prices in USD. */
  public static final String TOKEN_PRICES = "chain/token_prices";

  /** The transfers with their USD value. */
  public static final String ENRICHED_BLOCKS = "chain/enriched_blocks";

  /** The USD volume per day. */
  public static final String DAILY_VOLUME = "chain/daily_volume";

  /** The blocking check of {@link #RAW_BLOCKS}. */
  public static final String PARENTS_LINK = "parents_link";

  private final FakeChain chain;

  /** Assets over this chain's node. */
  public ChainAssets(FakeChain chain) {
    this.chain = chain;
  }

  /** Observes the node: a re-org changes the version, which makes every dependent stale. */
  @ObservableSource(
      key = BLOCK_HASHES,
      group = GROUP,
      description = "The blocks the node serves, observed by their numbers, hashes and parents.")
  public DataVersion blockHashes() {
    return chain.version();
  }

  /** Fetches the blocks from the node. */
  @Asset(
      key = RAW_BLOCKS,
      group = GROUP,
      codeVersion = "v1",
      deps = BLOCK_HASHES,
      owners = "chain-team@example.com",
      description = "The blocks as fetched from the node.")
  public RawBlocks rawBlocks(AssetContext ctx) {
    List<ChainBlock> blocks = chain.blocks();
    ctx.addMetadata("blocks", blocks.size());
    return new RawBlocks(blocks);
  }

  /** Each block must name the hash of the block before it as its parent. */
  @Check(
      asset = RAW_BLOCKS,
      name = PARENTS_LINK,
      blocking = true,
      description = "each block's parent hash is the hash of the block before it")
  public CheckResult parentsLink(RawBlocks raw) {
    List<ChainBlock> blocks = raw.blocks();
    for (int i = 1; i < blocks.size(); i++) {
      ChainBlock block = blocks.get(i);
      String expected = blocks.get(i - 1).hash();
      if (!block.parentHash().equals(expected)) {
        return CheckResult.failed(
            Map.of(
                "block", block.number(),
                "parent_hash", block.parentHash(),
                "expected_parent_hash", expected));
      }
    }
    return CheckResult.passed(Map.of("blocks", blocks.size()));
  }

  /** Decodes every transaction into a transfer. */
  @Asset(key = DECODED_BLOCKS, group = GROUP, codeVersion = "v1")
  public DecodedBlocks decodedBlocks(@Input(RAW_BLOCKS) RawBlocks raw, AssetContext ctx) {
    List<Transfer> transfers = new ArrayList<>();
    for (ChainBlock block : raw.blocks()) {
      for (String tx : block.transactions()) {
        transfers.add(decode(block, tx));
      }
    }
    ctx.addMetadata("transfers", transfers.size());
    return new DecodedBlocks(transfers);
  }

  /** The USD price of each token (fixed: the example has no price feed). */
  @Asset(key = TOKEN_PRICES, group = GROUP, codeVersion = "v1")
  public TokenPrices tokenPrices() {
    return new TokenPrices(Map.of("ETH", 300_000L, "USDC", 100L, "WEFT", 25L));
  }

  /** Values each transfer in USD. */
  @Asset(key = ENRICHED_BLOCKS, group = GROUP, codeVersion = "v1")
  public EnrichedBlocks enrichedBlocks(
      @Input(DECODED_BLOCKS) DecodedBlocks decoded, @Input(TOKEN_PRICES) TokenPrices prices) {
    List<PricedTransfer> priced = new ArrayList<>();
    for (Transfer t : decoded.transfers()) {
      priced.add(new PricedTransfer(t, t.amount() * prices.of(t.token())));
    }
    return new EnrichedBlocks(priced);
  }

  /** Sums the transfers' USD value per UTC day. */
  @Asset(key = DAILY_VOLUME, group = GROUP, codeVersion = "v1")
  public DailyVolume dailyVolume(
      @Input(ENRICHED_BLOCKS) EnrichedBlocks enriched, AssetContext ctx) {
    Map<String, long[]> byDay = new TreeMap<>();
    for (PricedTransfer p : enriched.transfers()) {
      String day =
          Instant.ofEpochSecond(p.transfer().timestamp())
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .toString();
      long[] sums = byDay.computeIfAbsent(day, d -> new long[2]);
      sums[0]++;
      sums[1] += p.usdCents();
    }
    List<DayVolume> days = new ArrayList<>();
    byDay.forEach((day, sums) -> days.add(new DayVolume(day, sums[0], sums[1])));
    ctx.addMetadata("days", days.size());
    return new DailyVolume(days);
  }

  private static Transfer decode(ChainBlock block, String tx) {
    return FakeChain.decode(block, tx);
  }
}
