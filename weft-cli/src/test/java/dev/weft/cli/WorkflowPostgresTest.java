package dev.weft.cli;

import static dev.weft.cli.CliRun.ok;
import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowHandle;
import dev.weft.engine.WeftEngine;
import dev.weft.history.WorkflowHistory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft workflow list, describe, export, import, reset} on PostgreSQL: the same commands as
 * on a SQLite file, given {@code --store} with a PostgreSQL URL. A real server from the embedded
 * binaries, one per test class; a database per store. Runs the CLI in-process ({@link CliRun}) on
 * runs a real engine wrote ({@link GreeterStore}).
 */
class WorkflowPostgresTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  private static EmbeddedPostgres server;
  private static String url;
  private static GreeterStore.Written store;

  @BeforeAll
  static void startServerAndWriteRuns() throws IOException, SQLException {
    server =
        EmbeddedPostgres.builder()
            .setDataDirectory(shared.resolve("pg"))
            .setCleanDataDirectory(true)
            .start();
    url = newDatabase("greeter");
    store = GreeterStore.write(engine(url, "greeter-writer"), null);
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** Creates an empty database and returns its {@code postgres://} URL. */
  private static String newDatabase(String name) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return "postgres://postgres@localhost:" + server.getPort() + "/" + name;
  }

  /** An engine of the greetings on the database at {@code url}, not started. */
  private static WeftEngine engine(String url, String nodeId) {
    return GreeterStore.engine(
        StoreLocation.parse(url).open(StoreLocation.OpenOptions.node(nodeId)));
  }

  @Test
  void listAndDescribeReadTheRunsOfADatabaseInEitherUrlForm() {
    List<List<String>> rows = ok("workflow", "list", "--store", url).rows();
    assertThat(rows)
        .extracting(row -> row.get(0))
        .containsExactlyInAnyOrder("greet-ada", "greet-bob", "wait-cy", "greet-boom");
    assertThat(
            ok(
                    "workflow",
                    "list",
                    "--store",
                    url,
                    "--search-attribute",
                    "Customer=KEYWORD",
                    "--query",
                    "Customer = 'acme'")
                .rows())
        .extracting(row -> row.get(0))
        .containsExactlyInAnyOrder("greet-ada", "wait-cy");

    String jdbc = "jdbc:postgresql://localhost:" + server.getPort() + "/greeter?user=postgres";
    CliRun ada = ok("workflow", "describe", "--store", jdbc, "greet-ada");
    assertThat(ada.field("Status")).isEqualTo("COMPLETED");
    assertThat(ada.field("Run ID")).isEqualTo(store.ada().runId());
    CliRun boom = ok("workflow", "describe", "--db", url, "greet-boom");
    assertThat(boom.field("Run ID")).isEqualTo(store.boomRunId());
  }

  @Test
  void anExportedRunImportsIntoAnotherDatabaseWithItsIds() throws Exception {
    Path json = dir.resolve("ada.json");
    ok("workflow", "export", "--store", url, "greet-ada", "--out", json.toString());
    assertThat(WorkflowHistory.fromJson(Files.readString(json)))
        .usingRecursiveComparison()
        .isEqualTo(store.ada());
    String other = newDatabase("imported");
    engine(other, "imported-node").close(); // a node made the store, as one serves it in practice

    CliRun imported = ok("workflow", "import", "--store", other, json.toString());

    assertThat(imported.out())
        .isEqualTo(
            "imported workflow greet-ada run "
                + store.ada().runId()
                + ": COMPLETED, "
                + store.ada().events().size()
                + " events\n");
    List<List<String>> rows = ok("workflow", "list", "--store", other).rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).subList(0, 4))
        .containsExactly("greet-ada", store.ada().runId(), "Greeter", "COMPLETED");
  }

  @Test
  void aResetWhileANodeServesTheDatabaseIsTakenOverByTheNode() throws Exception {
    String resetUrl = newDatabase("reset");
    GreeterStore.Written written = GreeterStore.write(engine(resetUrl, "reset-writer"), null);

    try (WeftEngine node = engine(resetUrl, "reset-node")) {
      node.start();
      CliRun reset =
          ok(
              "workflow",
              "reset",
              "--store",
              resetUrl,
              "wait-cy",
              "--event-id",
              String.valueOf(written.cyWaitPoint()),
              "--reason",
              "cli test on postgres");

      Matcher m =
          Pattern.compile(
                  "reset workflow wait-cy from event "
                      + written.cyWaitPoint()
                      + " of run "
                      + written.cyRunId()
                      + ": new run (\\S+)\n")
              .matcher(reset.out());
      assertThat(m.matches()).as("stdout: %s", reset.out()).isTrue();
      String newRunId = m.group(1);
      assertThat(
              ok("workflow", "list", "--store", resetUrl, "--query", "WorkflowId = 'wait-cy'")
                  .rows())
          .extracting(row -> row.get(1) + " " + row.get(3))
          .containsExactlyInAnyOrder(written.cyRunId() + " TERMINATED", newRunId + " RUNNING");

      WorkflowHandle<Object> fresh = node.client().getHandle("wait-cy", newRunId);
      fresh.signal("proceed");
      assertThat(fresh.getResult(String.class)).isEqualTo("Hello, Cy");
    }
  }

  @Test
  void anEmptyDatabaseIsRefusedAndLeftEmpty() throws Exception {
    String empty = newDatabase("empty");

    CliRun r = run("workflow", "list", "--store", empty);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("weft workflow list: cannot open the PostgreSQL store at ")
        .contains("/empty")
        .contains("holds no Weft store");
    try (Connection c = server.getDatabase("postgres", "empty").getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT to_regclass('weft_schema') IS NULL")) {
      assertThat(rs.next() && rs.getBoolean(1)).isTrue();
    }
  }

  @Test
  void aMissingDatabaseExitsOneNamingItWithoutThePassword() {
    CliRun r =
        run(
            "workflow",
            "list",
            "--store",
            "postgres://postgres:secret@localhost:" + server.getPort() + "/nosuchdb");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("weft workflow list: cannot open the PostgreSQL store at ")
        .contains("nosuchdb")
        .doesNotContain("secret");
    assertThat(r.out()).isEmpty();
  }
}
