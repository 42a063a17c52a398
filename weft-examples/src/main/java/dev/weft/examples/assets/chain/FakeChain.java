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
 * #settle} finishes it (every child names its parent's current hash). The chain grows with {@link
 * #mine} and {@link #reorgLast} replaces its last blocks by another branch at once, as a node does
 * after a settled re-org. Thread-safe.
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

  /** Returns the number of the newest block (the head). */
  public synchronized long head() {
    return blocks.size() - 1L;
  }

  /**
   * Returns block {@code number}.
   *
   * @throws IllegalArgumentException when the chain has no such block
   */
  public synchronized ChainBlock block(long number) {
    if (number < 0 || number >= blocks.size()) {
      throw new IllegalArgumentException(
          "no block " + number + ": the chain has blocks 0 to " + (blocks.size() - 1));
    }
    return blocks.get((int) number);
  }

  /**
   * Adds {@code count} blocks on top of the head; returns the new head.
   *
   * @throws IllegalArgumentException when {@code count} is below 1
   */
  public synchronized long mine(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("mine " + count + " blocks: expected at least 1");
    }
    for (int i = 0; i < count; i++) {
      ChainBlock top = blocks.get(blocks.size() - 1);
      blocks.add(newBlock(top.number() + 1, top.hash()));
    }
    return head();
  }

  /**
   * Replaces the last {@code depth} blocks by another branch of as many blocks (new hashes, other
   * transfers, each naming its new parent): a settled re-org of that depth. Returns the first
   * replaced block number.
   *
   * @throws IllegalArgumentException when {@code depth} is not within 1 and the head (the genesis
   *     block stays)
   */
  public synchronized long reorgLast(int depth) {
    if (depth < 1 || depth >= blocks.size()) {
      throw new IllegalArgumentException(
          "re-org depth "
              + depth
              + ": expected 1 to "
              + (blocks.size() - 1)
              + " (the genesis block stays)");
    }
    int first = blocks.size() - depth;
    String parent = blocks.get(first - 1).hash();
    for (int n = first; n < blocks.size(); n++) {
      ChainBlock replacement = newBlock(n, parent);
      blocks.set(n, replacement);
      parent = replacement.hash();
    }
    return first;
  }

  /**
   * Decodes one of {@code block}'s transactions into a transfer.
   *
   * @throws IllegalArgumentException naming the block and the transaction when it is not {@code 0x}
   *     + hex of {@code from:to:token:amount}
   */
  public static Transfer decode(ChainBlock block, String tx) {
    if (!tx.startsWith("0x")) {
      throw new IllegalArgumentException(
          "block " + block.number() + ": transaction '" + tx + "' is not 0x-prefixed hex");
    }
    String plain = new String(HexFormat.of().parseHex(tx.substring(2)), StandardCharsets.UTF_8);
    String[] parts = plain.split(":");
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "block " + block.number() + ": transaction '" + plain + "' is not from:to:token:amount");
    }
    return new Transfer(
        block.number(), block.timestamp(), parts[0], parts[1], parts[2], Long.parseLong(parts[3]));
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
