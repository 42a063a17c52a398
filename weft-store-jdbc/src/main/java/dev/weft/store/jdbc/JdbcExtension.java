package dev.weft.store.jdbc;

import dev.weft.store.Store;
import dev.weft.store.StoreException;
import dev.weft.store.Write;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A feature's part of a SQL store: its own tables and versioned migrations, the appliers of its own
 * {@link Write} types, the reads it offers through {@link Store#extension}, and what it deletes
 * when a run is deleted. With it, a feature (update outcomes, assets, schedules) extends the store
 * without editing the core's appliers or widening {@link Store} for everyone.
 *
 * <p>Its writes commit in the same transaction as the core writes of their batch: a feature's row
 * is recorded with the workflow task or activity completion that causes it, a conflict of either
 * rolls back both, and listeners hear of it only after the commit is durable ({@link
 * WriteContext#afterCommit}).
 *
 * <p><b>Installing.</b> A SQL store installs the extensions listed in {@code
 * META-INF/services/dev.weft.store.jdbc.JdbcExtension} on the class path ({@link #discovered()}),
 * unless its options name the extensions explicitly. Opening a store migrates each extension's
 * tables (see {@link #migrationsFolder}), then calls {@link #install} once for that store.
 *
 * <p><b>Migrations</b> are versioned per extension: {@code V001.sql}, {@code V002.sql}, ... in
 * {@link #migrationsFolder} for the store's dialect, each applied once, in order, and recorded
 * under the extension's {@link #name} in the table {@code weft_extension_schema}, so two extensions
 * never collide and neither collides with the core's {@code weft_schema}. A database whose record
 * for the extension is newer than its scripts is refused, naming both versions.
 *
 * <p><b>Threading.</b> One instance may be installed in several stores: keep what belongs to one
 * store in the objects {@link #install} creates, not in fields of the extension. Appliers and the
 * run-deletion hook run on the store's writer thread; reads run on the caller's thread.
 *
 * <pre>{@code
 * public final class NotesExtension implements JdbcExtension {
 *   public String name() {
 *     return "notes"; // migrations in db/ext/notes/sqlite/V001.sql and db/ext/notes/postgres/
 *   }
 *
 *   public void install(Registry registry) {
 *     registry
 *         .write(PutNote.class, (note, tx) -> {
 *           PreparedStatement ps = tx.prepare("INSERT INTO notes (run_id, text) VALUES (?, ?)");
 *           ps.setString(1, note.runId());
 *           ps.setString(2, note.text());
 *           ps.executeUpdate();
 *         })
 *         .reads(Notes.class, new JdbcNotes(registry.readPool()));
 *   }
 *
 *   public void deleteRun(String runId, WriteContext tx) throws SQLException {
 *     PreparedStatement ps = tx.prepare("DELETE FROM notes WHERE run_id = ?");
 *     ps.setString(1, runId);
 *     ps.executeUpdate();
 *   }
 * }
 * // META-INF/services/dev.weft.store.jdbc.JdbcExtension: com.example.NotesExtension
 * // then: store.commit(Batch.of(new PutNote(runId, "hi"))); store.extension(Notes.class)...
 * }</pre>
 */
public interface JdbcExtension {

  /**
   * The extension's name: lower-case letters, digits and dashes, starting with a letter, at most 63
   * characters ({@code update-outcomes}). It keys the extension's migrations and names it in
   * errors; two installed extensions may not share it.
   */
  String name();

  /**
   * The class path folder of the extension's migrations for a dialect ({@link Dialect#name()}):
   * {@code db/ext/<name>/<dialect>/} unless overridden. The scripts are read with the extension's
   * class loader. An extension without tables has no scripts.
   */
  default String migrationsFolder(String dialect) {
    return "db/ext/" + name() + "/" + dialect + "/";
  }

  /**
   * Registers the extension's appliers and reads with a store being opened; called once per store,
   * after the extension's migrations ran.
   *
   * @throws RuntimeException to refuse the store (it then fails to open, naming the cause)
   */
  void install(Registry registry);

  /**
   * Deletes the rows the extension keeps of a run, in the transaction of a {@link Write.DeleteRun}:
   * after the core deleted the run's history, tasks and search attributes, and before its row.
   * Called only for a closed run that exists. Does nothing unless overridden.
   *
   * @throws SQLException if a statement fails (the batch is rolled back)
   */
  default void deleteRun(String runId, WriteContext context) throws SQLException {}

  /**
   * Returns new instances of the extensions the class path declares in {@code
   * META-INF/services/dev.weft.store.jdbc.JdbcExtension}, in class path order, found with the
   * calling thread's context class loader ({@link ServiceLoader#load(Class)}): what a store
   * installs unless its options name the extensions. A shaded jar must merge these files (the
   * {@code weft} command's does).
   *
   * @throws StoreException if a declared extension cannot be loaded or created, naming it
   */
  static List<JdbcExtension> discovered() {
    List<JdbcExtension> found = new ArrayList<>();
    try {
      for (JdbcExtension extension : ServiceLoader.load(JdbcExtension.class)) {
        found.add(extension);
      }
    } catch (ServiceConfigurationError e) {
      throw new StoreException("cannot load a store extension: " + e.getMessage(), e);
    }
    return List.copyOf(found);
  }

  /**
   * What an extension registers with a store being opened ({@link #install}). Used only during that
   * call, on the thread opening the store.
   */
  interface Registry {

    /** Returns what differs for the store's database. */
    Dialect dialect();

    /** Returns the store's read connections, for the reads the extension offers. */
    JdbcReads readPool();

    /**
     * Registers the applier of the extension's writes of exactly {@code type} (not its subtypes).
     *
     * @return this registry
     * @throws StoreException if the core or another installed extension applies {@code type} (the
     *     store then fails to open)
     */
    <W extends Write> Registry write(Class<W> type, WriteApplier<? super W> applier);

    /**
     * Offers {@code reads} under {@code type}: {@link Store#extension}{@code (type)} returns it.
     *
     * @return this registry
     * @throws StoreException if another installed extension offers {@code type} (the store then
     *     fails to open)
     */
    <T> Registry reads(Class<T> type, T reads);
  }
}
