package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.StoreException;
import dev.weft.store.jdbc.updates.UpdateOutcomesExtension;
import dev.weft.store.tck.jdbc.NotesExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SchemaMigrator#migrateExtensions} on a real SQLite file that has the core schema: each
 * extension's scripts versioned under its name in {@code weft_extension_schema}, apart from the
 * core's {@code weft_schema}.
 */
class ExtensionMigrationsTest {
  @TempDir Path dir;
  WriteFixture db;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    db.connection.setAutoCommit(true);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachExtensionsVersionsAreRecordedUnderItsNameOnce() throws Exception {
    long core = db.number("SELECT MAX(version) FROM weft_schema");
    List<JdbcExtension> extensions = List.of(new UpdateOutcomesExtension(), new NotesExtension());

    SchemaMigrator.migrateExtensions(db.connection, "sqlite", extensions, true);
    SchemaMigrator.migrateExtensions(db.connection, "sqlite", extensions, true);

    assertThat(
            db.rows(
                "SELECT extension, version FROM weft_extension_schema ORDER BY extension, version"))
        .containsExactly(row("tck-notes", 1), row("tck-notes", 2), row("update-outcomes", 1));
    assertThat(db.number("SELECT MAX(version) FROM weft_schema")).isEqualTo(core);
  }

  @Test
  void updateOutcomesAdoptTheTableTheCoreMigrationsCreatedAndKeepItsRows() throws Exception {
    db.execute(
        "INSERT INTO update_outcomes (run_id, update_id, outcome) VALUES ('r1', 'u1', x'01')");

    SchemaMigrator.migrateExtensions(
        db.connection, "sqlite", List.of(new UpdateOutcomesExtension()), true);

    assertThat(db.number("SELECT COUNT(*) FROM update_outcomes")).isEqualTo(1);
    assertThat(SchemaMigrator.forExtension(new UpdateOutcomesExtension(), "sqlite").latestVersion())
        .isEqualTo(1);
  }

  @Test
  void aSchemaNewerThanTheExtensionsCodeIsRefusedNamingBothVersions() {
    SchemaMigrator.migrateExtensions(db.connection, "sqlite", List.of(new NotesExtension()), true);

    assertThatThrownBy(
            () ->
                SchemaMigrator.forExtension(NotesExtension.knowingVersionsUpTo(1), "sqlite")
                    .migrate(db.connection, true))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "the schema of store extension 'tck-notes' is version 2, newer than this code, which"
                + " knows versions up to 1; upgrade the extension or use another store");
  }

  @Test
  void anOlderSchemaIsUpgradedOnlyWhenAllowed() throws Exception {
    SchemaMigrator.forExtension(NotesExtension.knowingVersionsUpTo(1), "sqlite")
        .migrate(db.connection, true);
    SchemaMigrator current = SchemaMigrator.forExtension(new NotesExtension(), "sqlite");

    assertThatThrownBy(() -> current.migrate(db.connection, false))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("'tck-notes' is version 1, older than this code's version 2")
        .hasMessageContaining("migrate");
    assertThat(current.migrate(db.connection, true)).isEqualTo(1);
    assertThat(db.number("SELECT MAX(version) FROM weft_extension_schema")).isEqualTo(2);
  }

  @Test
  void badOrRepeatedNamesAreRefusedBeforeAnythingRuns() throws Exception {
    JdbcExtension badName =
        new JdbcExtension() {
          @Override
          public String name() {
            return "Bad Name";
          }

          @Override
          public void install(Registry registry) {}
        };

    assertThatThrownBy(
            () ->
                SchemaMigrator.migrateExtensions(
                    db.connection, "sqlite", List.of(new NotesExtension(), badName), true))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("has the name 'Bad Name'");
    assertThatThrownBy(
            () ->
                SchemaMigrator.migrateExtensions(
                    db.connection,
                    "sqlite",
                    List.of(new NotesExtension(), NotesExtension.knowingVersionsUpTo(1)),
                    true))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("two store extensions are named 'tck-notes'");
    assertThat(
            db.number(
                "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('tck_notes',"
                    + " 'weft_extension_schema')"))
        .isZero();
  }
}
