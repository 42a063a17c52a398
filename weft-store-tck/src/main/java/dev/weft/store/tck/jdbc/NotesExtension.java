package dev.weft.store.tck.jdbc;

import dev.weft.store.jdbc.ConflictException;
import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.JdbcReads;
import dev.weft.store.jdbc.WriteContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The probe extension of {@link JdbcExtensionContract} ({@code tck-notes}): a table of its own
 * ({@code tck_notes}, two migrations per dialect), a conditional write ({@link PutNote}), reads
 * ({@link Notes}), an after-commit notification, and its rows deleted with their run. Not declared
 * as a service: stores install it only when a test names it.
 */
public final class NotesExtension implements JdbcExtension {
  private final int versions;

  /** The extension as the contract's current code knows it: migrations V001 and V002. */
  public NotesExtension() {
    this(2);
  }

  private NotesExtension(int versions) {
    this.versions = versions;
  }

  /** The same extension as an older code knew it: its migrations up to {@code versions} only. */
  public static NotesExtension knowingVersionsUpTo(int versions) {
    return new NotesExtension(versions);
  }

  @Override
  public String name() {
    return "tck-notes";
  }

  @Override
  public String migrationsFolder(String dialect) {
    return "dev/weft/store/tck/jdbc/notes-v" + versions + "/" + dialect + "/";
  }

  @Override
  public void install(Registry registry) {
    StoreNotes notes = new StoreNotes(registry.readPool());
    registry.write(PutNote.class, notes::put).reads(Notes.class, notes);
  }

  @Override
  public void deleteRun(String runId, WriteContext tx) throws SQLException {
    PreparedStatement ps = tx.prepare("DELETE FROM tck_notes WHERE run_id = ?");
    ps.setString(1, runId);
    ps.executeUpdate();
  }

  /** The notes of one store: its reads, its applier, and what it heard committed. */
  private static final class StoreNotes implements Notes {
    private final JdbcReads reads;
    private final List<String> committed = new CopyOnWriteArrayList<>();

    StoreNotes(JdbcReads reads) {
      this.reads = reads;
    }

    void put(PutNote w, WriteContext tx) throws SQLException, ConflictException {
      if (w.onlyIfAbsent()) {
        PreparedStatement exists =
            tx.prepare("SELECT 1 FROM tck_notes WHERE run_id = ? AND name = ?");
        exists.setString(1, w.runId());
        exists.setString(2, w.name());
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            throw new ConflictException(w, "note " + w.name() + " of run " + w.runId() + " exists");
          }
        }
      }
      PreparedStatement ps =
          tx.prepare(
              "INSERT INTO tck_notes (run_id, name, text) VALUES (?, ?, ?)"
                  + " ON CONFLICT (run_id, name) DO UPDATE SET text = excluded.text");
      ps.setString(1, w.runId());
      ps.setString(2, w.name());
      ps.setString(3, w.text());
      ps.executeUpdate();
      tx.afterCommit(() -> committed.add(w.runId() + "/" + w.name()));
    }

    @Override
    public Optional<String> find(String runId, String name) {
      return reads.read(
          "note " + name + " of run " + runId,
          session -> {
            PreparedStatement ps =
                session.prepare("SELECT text FROM tck_notes WHERE run_id = ? AND name = ?");
            ps.setString(1, runId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          });
    }

    @Override
    public List<String> committed() {
      return List.copyOf(committed);
    }
  }
}
