package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cli.StoreLocation.OpenOptions;
import dev.weft.cli.StoreLocation.PostgresDatabase;
import dev.weft.cli.StoreLocation.SqliteFile;
import dev.weft.store.Store;
import dev.weft.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one parser of store locations: SQLite file paths, PostgreSQL URLs in their three forms,
 * passwords never shown, and errors that name the value and what was expected.
 */
class StoreLocationTest {
  private static final String EXPECTED =
      "expected a SQLite file path, postgres://user:password@host:port/database or"
          + " jdbc:postgresql://host:port/database";

  @TempDir Path dir;

  @Test
  void aPathIsASqliteFileMadeAbsolute() {
    StoreLocation relative = StoreLocation.parse("data/../weft.db");

    assertThat(relative).isInstanceOf(SqliteFile.class);
    assertThat(relative.kind()).isEqualTo(StoreKind.SQLITE);
    Path expected = Path.of("weft.db").toAbsolutePath().normalize();
    assertThat(((SqliteFile) relative).file()).isEqualTo(expected);
    assertThat(relative).hasToString("SQLite file " + expected);
    assertThat(relative.argument()).isEqualTo(expected.toString());
    assertThat(StoreLocation.parse(relative.argument())).isEqualTo(relative);
    assertThat(StoreLocation.sqlite(Path.of("weft.db"))).isEqualTo(relative);
  }

  @Test
  void aPostgresUrlKeepsItsPasswordOutOfSight() {
    StoreLocation db = StoreLocation.parse("postgres://weft:s3cret@db.internal:5432/weft");

    assertThat(db).isInstanceOf(PostgresDatabase.class);
    assertThat(db.kind()).isEqualTo(StoreKind.POSTGRES);
    assertThat(((PostgresDatabase) db).url().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5432/weft");
    assertThat(((PostgresDatabase) db).url().user()).isEqualTo("weft");
    assertThat(db).hasToString("PostgreSQL at jdbc:postgresql://db.internal:5432/weft (user weft)");
    assertThat(db.redact("FATAL: password authentication failed for s3cret at db.internal"))
        .isEqualTo("FATAL: password authentication failed for *** at db.internal");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://weft:s3cret@db:5432/weft",
        "POSTGRES://weft:s3cret@db:5432/weft",
        "jdbc:postgresql://db:5432/weft?user=weft&password=s3cret",
        "JDBC:PostgreSQL://db:5432/weft?user=weft&password=s3cret"
      })
  void everyPostgresFormIsADatabase(String value) {
    StoreLocation db = StoreLocation.parse(value);

    assertThat(db.kind()).isEqualTo(StoreKind.POSTGRES);
    assertThat(db.toString()).startsWith("PostgreSQL at jdbc:postgresql://db:5432/weft");
    assertThat(db.toString()).doesNotContain("s3cret");
    assertThat(db.redact("connecting with s3cret failed")).isEqualTo("connecting with *** failed");
  }

  @Test
  void theArgumentOfAChildProcessReadsBackToTheSameDatabaseAndCredentials() {
    PostgresDatabase db =
        (PostgresDatabase) StoreLocation.parse("postgres://we%20ft:p%40ss&word@db:5432/weft");

    PostgresDatabase back = (PostgresDatabase) StoreLocation.parse(db.argument());

    assertThat(db.argument())
        .isEqualTo("jdbc:postgresql://db:5432/weft?user=we%20ft&password=p%40ss%26word");
    assertThat(back.url().jdbcUrl()).startsWith("jdbc:postgresql://db:5432/weft?");
    assertThat(back.toString()).doesNotContain("p%40ss").doesNotContain("p@ss");
    StoreLocation plain = StoreLocation.parse("jdbc:postgresql://db/weft?sslmode=require");
    assertThat(plain.argument()).isEqualTo("jdbc:postgresql://db/weft?sslmode=require");
    assertThat(StoreLocation.parse(plain.argument())).isEqualTo(plain);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql://root:secret@db/weft",
        "jdbc:mysql://db/weft?password=secret",
        "https://root:secret@example.com/weft.db"
      })
  void aUrlOfAnotherKindIsRefusedByNameWithoutItsPassword(String value) {
    assertThatThrownBy(() -> StoreLocation.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("store ")
        .hasMessageContaining(" is not supported: " + EXPECTED)
        .hasMessageContaining("***")
        .message()
        .doesNotContain("secret");
  }

  @Test
  void aMalformedPostgresUrlNamesTheProblemAndTheExpectedFormsWithoutItsPassword() {
    assertThatThrownBy(() -> StoreLocation.parse("postgres://weft:secret@/weft"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgres://weft:***@/weft")
        .hasMessageContaining("names no host")
        .hasMessageEndingWith(EXPECTED)
        .message()
        .doesNotContain("secret");
    assertThatThrownBy(() -> StoreLocation.parse("postgres://weft:secret@db:port/weft"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(EXPECTED)
        .message()
        .doesNotContain("secret");
  }

  @Test
  void anEmptyLocationOrAnInvalidPathIsRefusedWithWhatWasExpected() {
    assertThatThrownBy(() -> StoreLocation.parse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the store location is empty (''): " + EXPECTED);
    assertThatThrownBy(() -> StoreLocation.parse("  "))
        .hasMessage("the store location is empty ('  '): " + EXPECTED);
    assertThatThrownBy(() -> StoreLocation.parse(null))
        .hasMessage("the store location is empty: " + EXPECTED);
    assertThatThrownBy(() -> StoreLocation.parse("weft\0.db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("store 'weft\0.db' is not a valid file path (")
        .hasMessageEndingWith(EXPECTED);
  }

  @Test
  void aMissingFileIsCreatedOnlyWhenAsked() {
    Path file = dir.resolve("new.db");
    StoreLocation location = StoreLocation.parse(file.toString());

    assertThatThrownBy(
            () -> location.open(OpenOptions.node("test").withCreateIfMissing(false)).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no store file at " + file.toAbsolutePath());
    assertThat(file).doesNotExist();

    try (Store store = location.open(OpenOptions.node("test").withReadConnections(2))) {
      assertThat(store.stats().runs()).isZero();
    }
    assertThat(file).exists();
    try (Store store = location.open(OpenOptions.node("test").withCreateIfMissing(false))) {
      assertThat(store.stats().runs()).isZero();
    }
  }

  @Test
  void aDirectoryIsNotAStoreFile() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));

    assertThatThrownBy(() -> StoreLocation.parse(sub.toString()).open(OpenOptions.node("t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("store file " + sub + " is not a regular file: expected a SQLite file");
  }

  @Test
  void anUnreachableDatabaseFailsNamingItWithoutItsPassword() {
    StoreLocation db = StoreLocation.parse("postgres://weft:secret@127.0.0.1:1/weft");

    assertThatThrownBy(() -> db.open(OpenOptions.node("test")).close())
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open the PostgreSQL store at jdbc:postgresql://127.0.0.1:1")
        .message()
        .doesNotContain("secret");
  }

  @Test
  void openOptionsRefuseAReadConnectionCountBelowOne() {
    assertThatThrownBy(() -> OpenOptions.node("n").withReadConnections(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readConnections must be >= 1, was 0");
    OpenOptions options =
        OpenOptions.node("n").withReadConnections(3).withMigrate(true).withCreateIfMissing(false);
    assertThat(options).isEqualTo(new OpenOptions("n", 3, true, false));
  }
}
