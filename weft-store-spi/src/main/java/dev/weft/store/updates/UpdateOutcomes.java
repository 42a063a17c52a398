package dev.weft.store.updates;

import dev.weft.store.StoreException;
import java.util.Optional;

/**
 * Reads the outcomes of update requests that {@link PutUpdateOutcome} recorded. Obtained from a
 * {@link dev.weft.store.Store} with the update-outcomes extension installed (every store by
 * default):
 *
 * <pre>{@code
 * Optional<byte[]> outcome = store.extension(UpdateOutcomes.class).find(runId, updateId);
 * }</pre>
 *
 * <p>Thread-safe; reads what was committed when it runs.
 */
public interface UpdateOutcomes {

  /**
   * Returns the outcome of an update request of a run, once recorded; empty before, and for an
   * unknown run or request.
   *
   * @throws StoreException if the store failed
   */
  Optional<byte[]> find(String runId, String updateId);
}
