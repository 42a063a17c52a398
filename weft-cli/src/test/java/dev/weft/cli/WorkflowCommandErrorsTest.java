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
 * {@code weft workflow}'s errors that need no runs: missing files, a store in use, usage errors.
 * Runs the CLI in-process ({@link CliRun}) on empty store files.
 */
class WorkflowCommandErrorsTest {
  @TempDir Path dir;

  /** Returns a new, empty store file. */
  private Path emptyStore() {
    Path file = dir.resolve("empty.db");
    SqliteStore.open(file).close();
    return file;
  }

  @Test
  void aMissingStoreFileExitsTwoNamingThePathAndCreatesNothing() {
    Path missing = dir.resolve("nowhere").resolve("missing.db");

    for (String sub : List.of("list", "describe", "export", "import", "reset")) {
      List<String> args =
          switch (sub) {
            case "list" -> List.of("workflow", sub, "--db", missing.toString());
            case "reset" ->
                List.of("workflow", sub, "--db", missing.toString(), "x", "--event-id", "4");
            default -> List.of("workflow", sub, "--db", missing.toString(), "x");
          };
      CliRun r = run(args.toArray(String[]::new));
      assertThat(r.exit()).as(sub).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "weft workflow " + sub + ": no store file at " + missing.toAbsolutePath() + "\n");
    }
    assertThat(dir.resolve("nowhere")).doesNotExist();
  }

  @Test
  void aMissingHistoryFileExitsTwoNamingThePath() {
    Path missing = dir.resolve("missing.json");

    CliRun r = run("workflow", "import", "--db", emptyStore().toString(), missing.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("weft workflow import: no history file at " + missing.toAbsolutePath() + "\n");
  }

  @Test
  void aFileThatIsNotAnExportedHistoryExitsTwo() throws IOException {
    Path notAHistory = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");

    CliRun r = run("workflow", "import", "--db", emptyStore().toString(), notAHistory.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("weft workflow import: ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aStoreThatAnEngineHasOpenIsRefused() {
    Path file = emptyStore();
    try (WeftEngine engine = GreeterStore.engine(file)) {
      CliRun r = run("workflow", "list", "--db", file.toString());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err())
          .startsWith("weft workflow list: ")
          .contains("in use by another Weft engine");
    }
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
    CliRun noDb = run("workflow", "list");
    assertThat(noDb.exit()).isEqualTo(2);
    assertThat(noDb.err()).contains("Missing required option: '--db=FILE'");

    CliRun noEvent = run("workflow", "reset", "--db", emptyStore().toString(), "wait-cy");
    assertThat(noEvent.exit()).isEqualTo(2);
    assertThat(noEvent.err()).contains("--event-id");
  }
}
