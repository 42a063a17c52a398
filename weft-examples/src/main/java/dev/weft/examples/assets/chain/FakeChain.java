package dev.weft.examples.assets.chain;

import dev.weft.assets.DataVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, in-memory chain standing in for a node: blocks with hashes, parents and encoded
 * token transfers. {@link #reorg} replaces one block the way a node does in the middle of a re-org
 * (the block has a new hash and other transactions, its child still names the old hash) and {@link
 * #settle} finishes it (every child names its parent's current hash). Thread-safe.
 */
public final class FakeChain {
  /** The tokens the transfers move. */
  public static final List<String> TOKENS = List.of("ETH", "USDC", "WEFT");

  private static final long GENESIS = 1_767_225_600L; // 2026-01-01T00:00:00Z
  private static final long BLOCK_SECONDS = 90 * 60;
  private static final List<String> ACCOUNTS = List.of("alice", "bob", "carol", "dave", "erin");

  private final Random random;
  private final List<ChainBlock> blocks = new ArrayList<>();

  private FakeChain(long seed) {
    this.random = new Random(seed);
  }

  /** Returns a chain of {@code count} blocks, one every 90 minutes from 2026-01-01 UTC. */
  public static FakeChain generate(int count, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("a chain needs at least one block, was " + count);
    }
    FakeChain chain = new FakeChain(seed);
    String parent = "0x" + "0".repeat(16);
    for (int n = 0; n < count; n++) {
      ChainBlock block = chain.newBlock(n, parent);
      chain.blocks.add(block);
      parent = block.hash();
    }
    return chain;
  }

  /** Returns the blocks, oldest first. */
  public synchronized List<ChainBlock> blocks() {
    return List.copyOf(blocks);
  }

  /**
   * Returns the version of what the node serves: the digest of every block's number, hash and
   * parent hash. A re-org changes it; re-reading an unchanged chain does not.
   */
  public synchronized DataVersion version() {
    StringBuilder text = new StringBuilder();
    for (ChainBlock b : blocks) {
      text.append(b.number()).append(':').append(b.hash()).append(':').append(b.parentHash());
      text.append('\n');
    }
    return DataVersion.ofText(text.toString());
  }

  /**
   * Replaces block {@code number} by another one on the same parent (a new hash, other transfers);
   * its child keeps naming the old hash until {@link #settle}. Returns the new block.
   *
   * @throws IllegalArgumentException when the chain has no such block
   */
  public synchronized ChainBlock reorg(long number) {
    if (number < 0 || number >= blocks.size()) {
      throw new IllegalArgumentException(
          "no block " + number + " to re-org: the chain has blocks 0 to " + (blocks.size() - 1));
    }
    ChainBlock old = blocks.get((int) number);
    ChainBlock replacement = newBlock(number, old.parentHash());
    blocks.set((int) number, replacement);
    return replacement;
  }

  /** Ends a re-org: every block names its parent's current hash. */
  public synchronized void settle() {
    for (int n = 1; n < blocks.size(); n++) {
      ChainBlock b = blocks.get(n);
      String parent = blocks.get(n - 1).hash();
      if (!b.parentHash().equals(parent)) {
        blocks.set(
            n, new ChainBlock(b.number(), b.hash(), parent, b.timestamp(), b.transactions()));
      }
    }
  }

  /** Encodes a transfer the way the chain's transactions carry it. */
  public static String encode(String from, String to, String token, long amount) {
    String plain = from + ":" + to + ":" + token + ":" + amount;
    return "0x" + HexFormat.of().formatHex(plain.getBytes(StandardCharsets.UTF_8));
  }

  private ChainBlock newBlock(long number, String parent) {
    int count = 1 + random.nextInt(4);
    List<String> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String from = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
      String to = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
      String token = TOKENS.get(random.nextInt(TOKENS.size()));
      txs.add(encode(from, to, token, 1 + random.nextInt(1_000)));
    }
    String hash = "0x" + HexFormat.of().toHexDigits(random.nextLong());
    return new ChainBlock(number, hash, parent, GENESIS + number * BLOCK_SECONDS, txs);
  }
}
