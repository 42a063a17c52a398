package dev.weft.store.assets.automation;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.Objects;

/**
 * Takes or renews the lease of a namespace's automation evaluator for one code location: the row is
 * created (cursor 0) if absent; the owner becomes {@code owner} until {@code until} if the lease is
 * free, expired at {@code at}, or already {@code owner}'s. Conditional: conflicts, naming the
 * holder, while another owner's lease runs.
 *
 * @param namespace the namespace
 * @param location the code location whose conditions the evaluator evaluates
 * @param owner who takes it (a node's identity)
 * @param at now, by the taker's clock
 * @param until when the lease ends unless renewed; after {@code at}
 */
public record AcquireAutomationLease(
    String namespace, String location, String owner, Instant at, Instant until) implements Write {
  /** Validates the write. */
  public AcquireAutomationLease {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(until, "until");
    if (!until.isAfter(at)) {
      throw new IllegalArgumentException(
          "lease of automation "
              + namespace
              + "/"
              + location
              + " ends at "
              + until
              + ", not after "
              + at);
    }
  }

  @Override
  public String runId() {
    return null;
  }
}
