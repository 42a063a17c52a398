package dev.weft.store.updates;

import dev.weft.store.Write;
import java.util.Objects;

/**
 * Records the outcome of an update request of a run, for the client that waits for it: opaque bytes
 * (the engine's encoding of the result, failure or rejection). Replaces an earlier outcome of the
 * same request. Kept until the run is deleted ({@link Write.DeleteRun}). Not conditional: it
 * applies whatever the run's state, and is rolled back with its batch.
 *
 * <p>Applied by the update-outcomes store extension; read back with {@link UpdateOutcomes}.
 *
 * @param runId the run the update was sent to
 * @param updateId the update request's ID
 * @param outcome the encoded outcome
 */
public record PutUpdateOutcome(String runId, String updateId, byte[] outcome) implements Write {
  /** Validates the write. */
  public PutUpdateOutcome {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(updateId, "updateId");
    Objects.requireNonNull(outcome, "outcome");
  }
}
