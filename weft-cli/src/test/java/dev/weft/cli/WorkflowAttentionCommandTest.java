package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft workflow attention} over the HTTP API of a real server: the table, {@code -o json},
 * paging with {@code --page-token}, and a bad token (exit 1).
 */
class WorkflowAttentionCommandTest {
  @WorkflowInterface
  public interface Broken {
    @WorkflowMethod
    String run(String order);
  }

  /** Has a bug: the exception fails the workflow task, retried until a fix. */
  public static class BrokenImpl implements Broken {
    @Override
    public String run(String order) {
      throw new IllegalStateException("bug in order " + order);
    }
  }

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
    engine.newWorker("broken").registerWorkflow(Broken.class, BrokenImpl::new);
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
    address = server.baseUri().toString();
    for (String id : List.of("broken-1", "broken-2")) {
      engine
          .client()
          .start(
              "Broken",
              WorkflowOptions.newBuilder().taskQueue("broken").workflowId(id).build(),
              id);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> engine.client().getHandle(id).describe().workflowTaskAttempt() > 1);
    }
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

  @Test
  void printsTheRunsNeedingAttentionNewestFirstWithWhy() {
    CliRun table = cli("workflow", "attention");

    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.lines().get(0)).startsWith("WORKFLOW ID  ").contains("WHY");
    assertThat(table.rows()).extracting(row -> row.get(0)).containsExactly("broken-2", "broken-1");
    assertThat(table.lines().get(1))
        .contains("Broken")
        .contains("WORKFLOW_TASK_FAILING attempt ")
        .endsWith(": java.lang.IllegalStateException: bug in order broken-2");
    assertThat(table.err()).isEmpty();
  }

  @Test
  void pagesWithThePageTokenAndPrintsJson() {
    CliRun first = cli("workflow", "attention", "--page-size", "1", "-o", "json");
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode page = JsonValues.parseOne("json", first.out());
    assertThat(page.path("runs")).hasSize(1);
    JsonNode run = page.path("runs").get(0);
    assertThat(run.path("workflowId").asText()).isEqualTo("broken-2");
    assertThat(run.path("reasons").get(0).path("kind").asText()).isEqualTo("WORKFLOW_TASK_FAILING");
    String token = page.path("nextPageToken").asText();
    assertThat(token).isNotBlank();

    CliRun second = cli("workflow", "attention", "--page-size", "1", "--page-token", token);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.rows()).extracting(row -> row.get(0)).containsExactly("broken-1");
    assertThat(second.err()).isEmpty();
  }

  @Test
  void aBadPageTokenIsRefusedWithExitOne() {
    CliRun bad = cli("workflow", "attention", "--page-token", "garbage");

    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("garbage");
  }
}
