package dev.weft.cli;

import static dev.weft.cli.CliRun.ok;
import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.ExamplesApp;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft workflow ...} over the HTTP API of a real server (an engine serving the examples with
 * {@link WeftServer} on a free port): every subcommand, table and JSON output, and the exit codes
 * of what goes wrong (1 refused or unreachable, 2 bad usage).
 */
class WorkflowCommandsOverApiTest {
  @TempDir static Path dir;
  static WeftEngine engine;
  static WeftServer server;
  static String address;

  @BeforeAll
  static void start() {
    engine =
        WeftEngine.builder()
            .store(
                SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft.db")).withDurable(false)))
            .build();
    new ExamplesApp().register(engine);
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
    address = server.baseUri().toString();
  }

  @AfterAll
  static void stop() {
    server.close();
    engine.close();
  }

  private static CliRun cli(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--address";
    all[args.length + 1] = address;
    return run(all);
  }

  private static CliRun cliOk(String... args) {
    CliRun r = cli(args);
    assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isZero();
    return r;
  }

  @Test
  void startsAnOrderWaitsForItsResultAndReadsItBack() {
    CliRun started =
        cliOk(
            "workflow",
            "start",
            "--type",
            "OrderWorkflow",
            "--task-queue",
            "orders",
            "--workflow-id",
            "order-cli-1",
            "-i",
            "{\"orderId\":\"cli-1\",\"sku\":\"WEFT-MUG\",\"quantity\":1,\"amountCents\":1200,"
                + "\"destination\":\"Lisbon\"}",
            "--wait");
    JsonNode receipt = JsonValues.parseOne("result", started.out().trim());
    assertThat(receipt.path("orderId").asText()).isEqualTo("cli-1");
    assertThat(receipt.path("trackingNumber").asText()).isNotBlank();

    assertThat(cliOk("workflow", "describe", "order-cli-1").field("Status")).isEqualTo("COMPLETED");
    JsonNode described =
        JsonValues.parseOne(
            "json", cliOk("workflow", "describe", "order-cli-1", "-o", "json").out());
    assertThat(described.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(cliOk("workflow", "list", "--query", "WorkflowId = 'order-cli-1'").rows())
        .singleElement()
        .satisfies(row -> assertThat(row.get(0)).isEqualTo("order-cli-1"));
    assertThat(cliOk("workflow", "count", "--query", "WorkflowId = 'order-cli-1'").out().trim())
        .isEqualTo("1");
    assertThat(cliOk("workflow", "history", "order-cli-1").out())
        .contains("WorkflowStarted")
        .contains("WorkflowCompleted");
    assertThat(cliOk("workflow", "history", "order-cli-1", "-o", "json").out())
        .contains("\"workflowId\"");
  }

  @Test
  void importsAnExportedHistoryOverTheApi() throws Exception {
    cliOk(
        "workflow",
        "start",
        "--type",
        "OrderWorkflow",
        "--task-queue",
        "orders",
        "--workflow-id",
        "order-cli-export",
        "-i",
        "{\"orderId\":\"cli-2\",\"sku\":\"WEFT-MUG\",\"quantity\":1,\"amountCents\":1200,"
            + "\"destination\":\"Porto\"}",
        "--wait");
    Path file = dir.resolve("order-cli-export.json");
    java.nio.file.Files.writeString(
        file, cliOk("workflow", "history", "order-cli-export", "-o", "json").out());

    CliRun again = cli("workflow", "import", file.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("order-cli-export").contains("already in use");

    try (WeftEngine other =
            WeftEngine.builder()
                .store(
                    SqliteStore.open(
                        SqliteStoreOptions.at(dir.resolve("other.db")).withDurable(false)))
                .build();
        WeftServer otherServer = startServing(other)) {
      String otherAddress = otherServer.baseUri().toString();
      CliRun imported = run("workflow", "import", file.toString(), "--address", otherAddress);
      assertThat(imported.exit()).as(imported.err()).isZero();
      assertThat(imported.out())
          .startsWith("imported workflow order-cli-export run ")
          .contains("COMPLETED");
      assertThat(
              run("workflow", "describe", "order-cli-export", "--address", otherAddress)
                  .field("Status"))
          .isEqualTo("COMPLETED");
    }

    Path notAHistory = dir.resolve("not-a-history.json");
    java.nio.file.Files.writeString(notAHistory, "{\"events\": 3}");
    assertThat(cli("workflow", "import", notAHistory.toString()).exit()).isEqualTo(2);
  }

  private static WeftServer startServing(WeftEngine other) {
    new ExamplesApp().register(other);
    other.start();
    return WeftServer.start(other, WeftServerOptions.defaults().withPort(0));
  }

  @Test
  void countsByStatus() {
    cliOk(
        "workflow",
        "start",
        "--type",
        "OrderWorkflow",
        "--task-queue",
        "orders",
        "--workflow-id",
        "order-cli-count",
        "-i",
        "{\"orderId\":\"cli-2\",\"sku\":\"WEFT-MUG\",\"quantity\":1,\"amountCents\":1200,"
            + "\"destination\":\"Lisbon\"}",
        "--wait");
    String query = "WorkflowId = 'order-cli-count'";
    assertThat(cliOk("workflow", "count", "--query", query, "--group-by", "status").out())
        .isEqualTo(String.format("%-17s 1%n%-17s 1%n", "COMPLETED", "TOTAL"));
    JsonNode json =
        JsonValues.parseOne(
            "json",
            cliOk(
                    "workflow",
                    "count",
                    "--query",
                    query,
                    "--group-by",
                    "ExecutionStatus",
                    "-o",
                    "json")
                .out());
    assertThat(json.path("count").asLong()).isEqualTo(1);
    assertThat(json.path("groups").get(0).path("value").asText()).isEqualTo("COMPLETED");
    CliRun bad = cli("workflow", "count", "--group-by", "type");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--group-by can only be status");
  }

  @Test
  void signalsQueriesPausesResumesAndTerminatesAnApproval() {
    String id = "approval-cli-1";
    cliOk(
        "workflow",
        "start",
        "--type",
        "ApprovalWorkflow",
        "--task-queue",
        "approvals",
        "--workflow-id",
        id,
        "-i",
        "{\"requestId\":\"cli-1\",\"requester\":\"carol\",\"description\":\"desk\","
            + "\"amountCents\":5000,\"approver\":\"dave\",\"escalationApprover\":\"erin\","
            + "\"approvalTimeout\":\"P3D\",\"escalationTimeout\":\"P2D\"}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cli("workflow", "query", id, "state").out().contains("WAITING_FOR_APPROVER"));
    String stack = cliOk("workflow", "query", id, "__stack_trace").out();
    assertThat(stack).startsWith("main#1: blocked\n\tat dev.weft.workflow.Workflow.");
    assertThat(stack).contains("\tat dev.weft.examples.").doesNotContain("dev.weft.internal");

    cliOk("workflow", "pause", id, "--reason", "audit");
    assertThat(cliOk("workflow", "describe", id).field("Paused")).contains("audit");
    cliOk("workflow", "resume", id);

    assertThat(
            cliOk("workflow", "signal", id, "approve", "-i", "\"mallory\"", "-i", "\"me\"").out())
        .contains("signal approve sent to " + id);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cli("workflow", "query", id, "state").out().contains("mallory"));

    assertThat(cliOk("workflow", "terminate", id, "--reason", "test over").out())
        .isEqualTo("terminated " + id + System.lineSeparator());
    assertThat(cliOk("workflow", "describe", id).field("Status")).isEqualTo("TERMINATED");
  }

  @Test
  void whatGoesWrongExitsOneOrTwoWithAMessage() {
    CliRun missing = cli("workflow", "describe", "no-such-workflow");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no-such-workflow");

    CliRun badJson = cli("workflow", "signal", "x", "approve", "-i", "not json");
    assertThat(badJson.exit()).isEqualTo(2);
    assertThat(badJson.err()).contains("--input 'not json' is not a JSON value");

    CliRun badQuery = cli("workflow", "count", "--query", "WorkflowId = ");
    assertThat(badQuery.exit()).isEqualTo(2);

    CliRun unreachable = run("workflow", "list", "--address", "http://127.0.0.1:1");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err()).contains("cannot reach the Weft API at http://127.0.0.1:1");

    CliRun notAUrl = run("workflow", "list", "--address", "ftp://x");
    assertThat(notAUrl.exit()).isEqualTo(2);
  }

  @Test
  void helpDocumentsBothWaysToReachTheRuns() {
    assertThat(ok("workflow", "list", "--help").out())
        .contains("--address")
        .contains("WEFT_ADDRESS")
        .contains("--token")
        .contains("--store");
  }
}
