package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.examples.ExamplesApp;
import dev.weft.server.WeftServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code weft node list} against a real {@link WeftServer}: a table and JSON, and bad usage. */
class NodeCommandTest {
  @RegisterExtension
  static final ApiServerExtension server =
      ApiServerExtension.serving(b -> b.nodeId("cli-node-1"), new ExamplesApp()::register);

  private static CliRun node(String... args) {
    return server.run("node", args);
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

    CliRun bad = run("node", "list", "--output", "yaml", "--address", server.address());
    assertThat(bad.exit()).isEqualTo(2);
    CliRun none = run("node");
    assertThat(none.exit()).isEqualTo(2);
  }
}
