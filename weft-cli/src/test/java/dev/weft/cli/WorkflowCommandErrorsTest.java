package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.WeftEngine;
import dev.weft.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft workflow}'s errors that need no runs: missing files, a store in use, store locations
 * that are not stores, an unreachable database, usage errors; and the {@code --db} alias. Runs the
 * CLI in-process ({@link CliRun}) on empty store files.
 */
class WorkflowCommandErrorsTest {
  @TempDir Path dir;

  /** Returns a new, empty store file. */
  private Path emptyStore() {
    Path file = dir.resolve("empty.db");
    SqliteStore.open(file).close();
    return file;
  }

  /** The arguments of subcommand {@code sub} on {@code store}, with a workflow ID where needed. */
  private static String[] args(String sub, String option, String store) {
    List<String> args =
        switch (sub) {
          case "list" -> List.of("workflow", sub, option, store);
          case "reset" -> List.of("workflow", sub, option, store, "x", "--event-id", "4");
          default -> List.of("workflow", sub, option, store, "x");
        };
    return args.toArray(String[]::new);
  }

  @Test
  void aMissingStoreFileExitsTwoNamingThePathAndCreatesNothing() {
    Path missing = dir.resolve("nowhere").resolve("missing.db");

    for (String sub : List.of("list", "describe", "export", "import", "reset")) {
      for (String option : List.of("--store", "--db")) {
        CliRun r = run(args(sub, option, missing.toString()));
        assertThat(r.exit()).as(sub + " " + option).isEqualTo(2);
        assertThat(r.err())
            .isEqualTo(
                "weft workflow " + sub + ": no store file at " + missing.toAbsolutePath() + "\n");
      }
    }
    assertThat(dir.resolve("nowhere")).doesNotExist();
  }

  @Test
  void aStoreOfAnotherKindExitsTwoNamingItWithoutItsPassword() {
    for (String sub : List.of("list", "describe", "export", "import", "reset")) {
      CliRun r = run(args(sub, "--store", "mysql://root:secret@db/weft"));
      assertThat(r.exit()).as(sub).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "weft workflow "
                  + sub
                  + ": store mysql://root:***@db/weft is not supported: expected a SQLite file"
                  + " path, postgres://user:password@host:port/database or"
                  + " jdbc:postgresql://host:port/database\n");
    }
  }

  @Test
  void anUnreachableDatabaseExitsOneNamingItWithoutItsPassword() {
    for (String sub : List.of("list", "describe", "export", "import", "reset")) {
      CliRun r = run(args(sub, "--store", "postgres://weft:secret@127.0.0.1:1/weft"));
      assertThat(r.exit()).as(sub).isEqualTo(1);
      assertThat(r.err())
          .startsWith("weft workflow " + sub + ": cannot open the PostgreSQL store at ")
          .contains("127.0.0.1:1/weft")
          .contains("user weft")
          .doesNotContain("secret");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void aDirectoryIsNotAStoreFile() {
    CliRun r = run("workflow", "list", "--store", dir.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "weft workflow list: store file "
                + dir.toAbsolutePath()
                + " is not a regular file: expected a SQLite file\n");
  }

  @Test
  void storeAndItsAliasTogetherAreAUsageError() {
    Path file = emptyStore();

    CliRun r = run("workflow", "list", "--store", file.toString(), "--db", file.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--store=LOCATION, --db=LOCATION are mutually exclusive");
  }

  @Test
  void dbIsAnAliasOfStore() {
    Path file = emptyStore();

    CliRun viaDb = run("workflow", "list", "--db", file.toString());
    CliRun viaStore = run("workflow", "list", "--store", file.toString());

    assertThat(viaDb).isEqualTo(viaStore);
    assertThat(viaDb.exit()).isZero();
    assertThat(viaDb.err()).isEqualTo("no runs\n");
  }

  @Test
  void aMissingHistoryFileExitsTwoNamingThePath() {
    Path missing = dir.resolve("missing.json");

    CliRun r = run("workflow", "import", "--store", emptyStore().toString(), missing.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("weft workflow import: no history file at " + missing.toAbsolutePath() + "\n");
  }

  @Test
  void aFileThatIsNotAnExportedHistoryExitsTwo() throws IOException {
    Path notAHistory = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");

    CliRun r =
        run("workflow", "import", "--store", emptyStore().toString(), notAHistory.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft workflow import: ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aStoreThatAnEngineHasOpenIsRefused() {
    Path file = emptyStore();
    try (WeftEngine engine = GreeterStore.engine(file)) {
      CliRun r = run("workflow", "list", "--store", file.toString());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("weft workflow list: ")
          .contains("in use by another Weft engine");
    }
  }

  @Test
  void helpDocumentsTheStoreLocationsAndTheAlias() {
    CliRun r = run("workflow", "list", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("[--store=LOCATION |")
        .contains("Offline on a store (one of):\n")
        .contains("--store=LOCATION     an existing store, a SQLite file or a PostgreSQL URL:")
        .contains("postgres://user:password@host:5432/db")
        .contains("--db=LOCATION        an alias of --store");
  }

  @Test
  void withoutASubcommandTheGroupPrintsItsUsageAndFails() {
    CliRun r = run("workflow");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("Usage: weft workflow")
        .contains("list")
        .contains("describe")
        .contains("export")
        .contains("import")
        .contains("reset");
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    CliRun noWorkflowId = run("workflow", "describe", "--store", emptyStore().toString());
    assertThat(noWorkflowId.exit()).isEqualTo(2);
    assertThat(noWorkflowId.err()).contains("WORKFLOW_ID");

    CliRun noEvent = run("workflow", "reset", "--store", emptyStore().toString(), "wait-cy");
    assertThat(noEvent.exit()).isEqualTo(2);
    assertThat(noEvent.err()).contains("--event-id");
  }
}
