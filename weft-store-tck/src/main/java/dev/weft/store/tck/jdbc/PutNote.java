package dev.weft.store.tck.jdbc;

import dev.weft.store.Write;
import java.util.Objects;

/**
 * The probe extension's write: sets a run's note. With {@code onlyIfAbsent} it is conditional, and
 * conflicts when the run has a note of that name already.
 *
 * @param runId the run the note belongs to
 * @param name the note's name
 * @param text the note
 * @param onlyIfAbsent whether a note of the same name makes it conflict
 */
public record PutNote(String runId, String name, String text, boolean onlyIfAbsent)
    implements Write {

  /** Validates the write. */
  public PutNote {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /** Sets a note, replacing one of the same name. */
  public PutNote(String runId, String name, String text) {
    this(runId, name, text, false);
  }
}
