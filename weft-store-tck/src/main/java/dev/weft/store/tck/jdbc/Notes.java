package dev.weft.store.tck.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * The reads the contract's probe extension ({@link NotesExtension}) offers through {@link
 * dev.weft.store.Store#extension}: a run's notes, and which notes it heard committed.
 */
public interface Notes {

  /** Returns the text of a run's note, if it exists. */
  Optional<String> find(String runId, String name);

  /**
   * Returns "runId/name" of each note whose commit the extension heard of ({@link
   * dev.weft.store.jdbc.WriteContext#afterCommit}), in order.
   */
  List<String> committed();
}
