package dev.weft.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether some run may be paused. A store this process owns knows it without a read once it has
 * looked (only this process pauses runs), and remembers it from batch to batch: this is the
 * writer's one piece of state that outlives a batch. A shared store always looks at the run itself.
 * Used by the writer's thread only.
 */
final class PausedRuns {
  private final boolean exclusive;

  /** Whether any run is paused; null when not known. */
  private Boolean anyPausedRun;

  PausedRuns(boolean exclusive) {
    this.exclusive = exclusive;
  }

  /** Whether some run may be paused: always on a shared store; on an owned one, as last seen. */
  boolean mayBePaused(Statements st) throws SQLException {
    if (!exclusive) {
      return true;
    }
    if (anyPausedRun == null) {
      try (ResultSet rs = st.prepare("SELECT EXISTS (SELECT 1 FROM paused_runs)").executeQuery()) {
        rs.next();
        anyPausedRun = rs.getBoolean(1);
      }
    }
    return anyPausedRun;
  }

  /** A run was paused. */
  void paused() {
    anyPausedRun = true;
  }

  /** A pause was removed: whether any is left is not known until the next look. */
  void forget() {
    anyPausedRun = null;
  }
}
