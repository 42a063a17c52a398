package dev.weft.cli;

import static dev.weft.cli.CliRun.ok;
import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.engine.WeftEngine;
import dev.weft.history.EventAttributes;
import dev.weft.history.WorkflowHistory;
import dev.weft.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft workflow export, import, reset}: a history round trip between two stores, and a reset
 * that a started engine then takes over (the CLI itself never starts one). Tests that write work on
 * a copy of the store. Runs the CLI in-process ({@link CliRun}) on a store a real engine wrote
 * ({@link GreeterStore}).
 */
class WorkflowHistoryCommandsTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  private static GreeterStore.Written store;

  @BeforeAll
  static void writeStore() {
    store = GreeterStore.write(shared.resolve("weft.db"));
  }

  private static String db() {
    return store.file().toString();
  }

  private static String adaRunId() {
    return store.ada().runId();
  }

  @Test
  void exportWritesTheHistoryAsTheJsonTheReplayerReads() throws IOException {
    Path file = dir.resolve("ada.json");
    CliRun toFile =
        ok("workflow", "export", "--store", db(), "greet-ada", "--out", file.toString());

    assertThat(toFile.out())
        .isEqualTo(
            "wrote "
                + store.ada().events().size()
                + " events of workflow greet-ada (run "
                + adaRunId()
                + ") to "
                + file.toAbsolutePath()
                + "\n");
    assertThat(WorkflowHistory.fromJson(Files.readString(file)))
        .usingRecursiveComparison()
        .isEqualTo(store.ada());

    CliRun toStdout =
        ok("workflow", "export", "--store", db(), "greet-ada", "--run-id", adaRunId());
    assertThat(WorkflowHistory.fromJson(toStdout.out()))
        .usingRecursiveComparison()
        .isEqualTo(store.ada());
  }

  @Test
  void anExportedRunImportsIntoAnotherStoreWithItsIds() throws IOException {
    Path json = dir.resolve("ada.json");
    ok("workflow", "export", "--store", db(), "greet-ada", "--out", json.toString());
    Path other = dir.resolve("other.db");
    SqliteStore.open(other).close();

    CliRun imported = ok("workflow", "import", "--store", other.toString(), json.toString());

    assertThat(imported.out())
        .isEqualTo(
            "imported workflow greet-ada run "
                + adaRunId()
                + ": COMPLETED, "
                + store.ada().events().size()
                + " events\n");
    List<List<String>> rows = ok("workflow", "list", "--store", other.toString()).rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).subList(0, 4))
        .containsExactly("greet-ada", adaRunId(), "Greeter", "COMPLETED");
    CliRun described = ok("workflow", "describe", "--store", other.toString(), "greet-ada");
    assertThat(described.field("Status")).isEqualTo("COMPLETED");
    assertThat(described.field("Run ID")).isEqualTo(adaRunId());

    CliRun again = run("workflow", "import", "--store", other.toString(), json.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).startsWith("weft workflow import: ").contains("exists already");
  }

  @Test
  void aResetStartsANewRunThatAStartedEngineTakesOver() throws IOException {
    Path copy = store.copyTo(dir);
    long point = store.cyWaitPoint();

    CliRun reset =
        ok(
            "workflow",
            "reset",
            "--store",
            copy.toString(),
            "wait-cy",
            "--event-id",
            String.valueOf(point),
            "--reason",
            "cli test");

    Matcher m =
        Pattern.compile(
                "reset workflow wait-cy from event "
                    + point
                    + " of run "
                    + store.cyRunId()
                    + ": new run (\\S+)\n")
            .matcher(reset.out());
    assertThat(m.matches()).as("stdout: %s", reset.out()).isTrue();
    String newRunId = m.group(1);
    assertThat(newRunId).isNotEqualTo(store.cyRunId());
    List<List<String>> runs =
        ok("workflow", "list", "--store", copy.toString(), "--query", "WorkflowId = 'wait-cy'")
            .rows();
    assertThat(runs)
        .extracting(row -> row.get(1) + " " + row.get(3))
        .containsExactlyInAnyOrder(store.cyRunId() + " TERMINATED", newRunId + " RUNNING");
    assertThat(ok("workflow", "describe", "--store", copy.toString(), "wait-cy").field("Run ID"))
        .isEqualTo(newRunId);

    try (WeftEngine engine = GreeterStore.engine(copy)) {
      engine.start();
      WeftClient client = engine.client();
      WorkflowHandle<Object> fresh = client.getHandle("wait-cy", newRunId);
      fresh.signal("proceed");
      assertThat(fresh.getResult(String.class)).isEqualTo("Hello, Cy");
      assertThat(fresh.fetchHistory().events())
          .anySatisfy(
              e ->
                  assertThat(e.attributes())
                      .isEqualTo(
                          new EventAttributes.WorkflowReset(store.cyRunId(), point, "cli test")));
    }
  }

  @Test
  void anInvalidResetPointExitsTwoWithTheValidPointsAndWritesNothing() throws IOException {
    Path copy = store.copyTo(dir);

    CliRun r = run("workflow", "reset", "--store", copy.toString(), "greet-ada", "--event-id", "1");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("weft workflow reset: cannot reset workflow 'greet-ada' (run " + adaRunId())
        .contains("to event 1: it is WorkflowStarted")
        .contains("a reset point is the end of a workflow task (WorkflowTaskCompleted): [");
    assertThat(ok("workflow", "list", "--store", copy.toString()).rows()).hasSize(4);
  }
}
