package dev.weft.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one transaction. All of them are applied, or none.
 *
 * @param writes the writes, applied in order
 */
public record Batch(List<Write> writes) {

  /** Validates the batch. */
  public Batch {
    writes = List.copyOf(writes);
    if (writes.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one write");
    }
  }

  /** Returns a batch of the given writes. */
  public static Batch of(Write... writes) {
    return new Batch(List.of(writes));
  }

  /** Returns a builder that collects writes in order. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the writes of a batch. Not thread-safe. */
  public static final class Builder {
    private final List<Write> writes = new ArrayList<>();

    private Builder() {}

    /** Adds a write. */
    public Builder add(Write write) {
      writes.add(write);
      return this;
    }

    /** Adds writes. */
    public Builder addAll(List<? extends Write> more) {
      writes.addAll(more);
      return this;
    }

    /** Returns whether no write was added. */
    public boolean isEmpty() {
      return writes.isEmpty();
    }

    /** Returns the batch. */
    public Batch build() {
      return new Batch(writes);
    }
  }
}
