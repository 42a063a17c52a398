package dev.weft.assets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Asset definitions do not form a valid graph; nothing was registered. Each {@link Problem} names
 * the keys involved, for example {@code cycle: a -> b -> c -> a} or {@code unknown upstream:
 * chain/decoded_blocks reads chain/raw_block, which no definition produces}.
 */
public final class InvalidAssetGraphException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem a definition has. */
  public enum Kind {
    /** Two definitions produce the same key. */
    DUPLICATE_KEY,
    /** A definition reads or depends on a key that no definition produces. */
    UNKNOWN_UPSTREAM,
    /** The assets depend on each other in a circle. */
    CYCLE,
    /** An input's type cannot hold the value its upstream produces. */
    TYPE_MISMATCH,
    /**
     * A partition mapping cannot map between the partitions of an asset and of its upstream, or an
     * input has no mapping and there is no default one.
     */
    PARTITION_MAPPING,
    /**
     * A freshness policy the asset cannot have: on an observable source, or a partition deadline on
     * an asset without time partitions.
     */
    FRESHNESS_POLICY,
    /**
     * An asset's automation condition names a key that is not in the graph, or not one of the
     * asset's upstreams (a typo would make the condition never fire).
     */
    UNKNOWN_AUTOMATION_KEY
  }

  /**
   * One problem of the graph.
   *
   * @param kind what kind of problem
   * @param keys the keys involved (for a cycle: in cycle order, the first repeated at the end)
   * @param message the problem in words, naming the keys
   */
  public record Problem(Kind kind, List<AssetKey> keys, String message) {
    /** Copies the keys. */
    public Problem {
      keys = List.copyOf(keys);
    }
  }

  private final transient List<Problem> problems;

  /** Creates the exception from its problems, at least one. */
  public InvalidAssetGraphException(List<Problem> problems) {
    super(
        "invalid asset graph: "
            + problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found. */
  public List<Problem> problems() {
    return problems;
  }
}
