package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.ExamplesApp;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft node list} against a real {@link WeftServer}: a table and JSON, and bad usage. */
class NodeCommandTest {
  @TempDir static Path dir;
  static WeftEngine engine;
  static WeftServer server;

  @BeforeAll
  static void startServer() {
    engine =
        WeftEngine.builder()
            .store(SqliteStore.open(dir.resolve("weft.db")))
            .nodeId("cli-node-1")
            .build();
    new ExamplesApp().register(engine);
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
    engine.close();
  }

  private static CliRun node(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "node";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--address";
    all[args.length + 2] = server.baseUri().toString();
    return run(all);
  }

  @Test
  void listsTheNodesAsATableAndAsJson() {
    CliRun table = node("list");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("NODE").contains("LIVE");
    assertThat(table.out().lines().skip(1))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l).startsWith("cli-node-1").contains(" yes ").contains("orders");
              assertThat(l).contains(Long.toString(ProcessHandle.current().pid()));
            });

    CliRun json = node("list", "--output", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode nodes = JsonValues.parseOne("json", json.out()).path("nodes");
    assertThat(nodes).hasSize(1);
    assertThat(nodes.get(0).path("nodeId").asText()).isEqualTo("cli-node-1");
    assertThat(nodes.get(0).path("live").asBoolean()).isTrue();

    CliRun bad = run("node", "list", "--output", "yaml", "--address", server.baseUri().toString());
    assertThat(bad.exit()).isEqualTo(2);
    CliRun none = run("node");
    assertThat(none.exit()).isEqualTo(2);
  }
}
