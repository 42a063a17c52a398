package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import dev.weft.examples.saga.Order;
import dev.weft.examples.saga.OrderReceipt;
import dev.weft.examples.saga.OrderWorkflow;
import dev.weft.store.sqlite.SqliteStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft server}: bad options and an unreachable database fail fast (in-process); a real node
 * (a child JVM) serves the examples on SQLite and on PostgreSQL and stops cleanly on SIGTERM.
 */
class ServerCommandTest {
  private static final int SIGTERM_EXIT = 128 + 15;

  @TempDir Path dir;

  @Test
  void anUnreachableDatabaseFailsFastInOneLineNamingTheUrlWithoutItsPassword() {
    long start = System.nanoTime();

    CliRun r = run("server", "--store", "postgres://weft:secret@127.0.0.1:1/weft");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("weft server: cannot open the PostgreSQL store at ")
        .contains("127.0.0.1:1/weft")
        .contains("user weft")
        .contains("refused")
        .doesNotContain("secret");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aPasswordInAJdbcUrlIsNotShownEither() {
    CliRun r = run("server", "--store", "jdbc:postgresql://127.0.0.1:1/weft?password=secret");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("127.0.0.1:1/weft").doesNotContain("secret");
  }

  @Test
  void aStoreOfAnotherKindAndABadNodeIdAreBadOptions() {
    CliRun mysql = run("server", "--store", "mysql://root:secret@db/weft");
    assertThat(mysql.exit()).isEqualTo(2);
    assertThat(mysql.err())
        .contains("mysql://root:***@db/weft is not supported")
        .doesNotContain("secret");

    CliRun node = run("server", "--store", dir.resolve("w.db").toString(), "--node-id", "a b");
    assertThat(node.exit()).isEqualTo(2);
    assertThat(node.err()).contains("--node-id").contains("'a b'");
    assertThat(dir.resolve("w.db")).doesNotExist();
  }

  @Test
  void helpDocumentsTheConnectionsANodeHolds() {
    CliRun r = run("server", "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("readConnections + 2").contains("--migrate").contains("--node-id");
  }

  @Test
  void servesOnASqliteFileInTheWorkingDirectoryAndStopsCleanlyOnSigterm() throws Exception {
    CliProcess node = CliProcess.start(dir, "server", List.of("--node-id", "sqlite-node"));
    node.awaitLine("serving apps");
    assertThat(node.output()).anyMatch(l -> l.contains("SQLite file " + dir.resolve("weft.db")));

    assertThat(node.stop()).isEqualTo(SIGTERM_EXIT);
    assertThat(node.output()).anyMatch(l -> l.endsWith("stopped"));
    // the node released the file
    SqliteStore.open(dir.resolve("weft.db")).close();
  }

  /** The API address a node's "serving apps ... API on URL;" line names. */
  private static String apiOf(String servingLine) {
    String tail = servingLine.substring(servingLine.indexOf("API on ") + "API on ".length());
    return tail.substring(0, tail.indexOf(';'));
  }

  @Test
  void twoNodesOnPostgresServeOneApiAndStopCleanlyOnSigterm() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true)
            .start()) {
      String url = "postgres://postgres@localhost:" + postgres.getPort() + "/postgres";
      CliProcess node =
          CliProcess.start(
              dir, "server", List.of("--store", url, "--node-id", "pg-node", "--migrate"));
      String first = apiOf(node.awaitLine("serving apps"));
      assertThat(node.output()).anyMatch(l -> l.contains("PostgreSQL at jdbc:postgresql://"));
      CliProcess other =
          CliProcess.start(dir, "server", List.of("--store", url, "--node-id", "pg-node-2"));
      String second = apiOf(other.awaitLine("serving apps"));

      // started through one node's API, awaited through the other's: one API over one database
      Order order = new Order("7", "WEFT-MUG", 1, 1200, "Lisbon");
      WeftClient viaFirst = WeftClient.connect(first, null);
      OrderWorkflow stub =
          viaFirst.newWorkflowStub(
              OrderWorkflow.class,
              WorkflowOptions.newBuilder()
                  .workflowId(order.workflowId())
                  .taskQueue(OrderWorkflow.TASK_QUEUE)
                  .build());
      viaFirst.start(stub::process, order);
      OrderReceipt receipt =
          WeftClient.connect(second, null)
              .getHandle(order.workflowId())
              .getResult(OrderReceipt.class);
      assertThat(receipt.orderId()).isEqualTo("7");
      assertThat(receipt.trackingNumber()).isNotBlank();

      assertThat(node.stop()).isEqualTo(SIGTERM_EXIT);
      assertThat(node.output()).anyMatch(l -> l.endsWith("stopped"));
      assertThat(other.stop()).isEqualTo(SIGTERM_EXIT);
    }
  }
}
