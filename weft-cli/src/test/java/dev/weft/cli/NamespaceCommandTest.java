package dev.weft.cli;

import static dev.weft.cli.CliRun.ok;
import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft namespace create|describe|update|list} against a real {@link WeftServer} on a free
 * port, over an engine on a SQLite file: tables and JSON, refusals (exit 1), an unreachable server
 * (exit 1) and bad usage (exit 2).
 */
class NamespaceCommandTest {
  @TempDir static Path dir;
  static WeftEngine engine;
  static WeftServer server;

  @BeforeAll
  static void startServer() {
    engine = WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build();
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
    engine.close();
  }

  private static String address() {
    return server.baseUri().toString();
  }

  private static String[] args(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--address";
    all[args.length + 1] = address();
    return all;
  }

  @Test
  void createsDescribesUpdatesAndListsNamespacesAsTables() {
    CliRun created =
        ok(
            args(
                "namespace",
                "create",
                "payments",
                "--retention",
                "P7D",
                "--description",
                "card payments",
                "--token",
                "ignored-by-an-open-server"));
    assertThat(created.field("Name")).isEqualTo("payments");
    assertThat(created.field("Description")).isEqualTo("card payments");
    assertThat(created.field("Retention")).isEqualTo("7d");
    Instant createdAt = Instant.parse(created.field("Created"));

    CliRun described = ok(args("namespace", "describe", "payments"));
    assertThat(described.out()).isEqualTo(created.out());
    assertThat(engine.namespaces().describe("payments").retention()).isEqualTo(Duration.ofDays(7));

    CliRun updated = ok(args("namespace", "update", "payments", "--retention", "PT36H"));
    assertThat(updated.field("Retention")).isEqualTo("1d12h");
    assertThat(updated.field("Description")).isEqualTo("card payments");
    assertThat(Instant.parse(updated.field("Updated"))).isAfterOrEqualTo(createdAt);
    assertThat(
            ok(args("namespace", "update", "payments", "--description", "cards"))
                .field("Description"))
        .isEqualTo("cards");

    List<String> lines = ok(args("namespace", "list")).lines();
    assertThat(lines.get(0)).startsWith("NAME").contains("RETENTION", "CREATED", "DESCRIPTION");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("default ").contains("30d", " -"));
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("payments ").contains("1d12h").endsWith("cards"));
  }

  @Test
  void printsJsonWithOutputJson() throws IOException {
    ok(args("namespace", "create", "json-ns", "--retention", "PT90M"));

    JsonNode one =
        new ObjectMapper()
            .readTree(ok(args("namespace", "describe", "json-ns", "--output", "json")).out());
    assertThat(one.path("name").asText()).isEqualTo("json-ns");
    assertThat(Duration.parse(one.path("retention").asText())).isEqualTo(Duration.ofMinutes(90));
    JsonNode all =
        new ObjectMapper().readTree(ok(args("namespace", "list", "--output", "JSON")).out());
    assertThat(all.path("namespaces").findValuesAsText("name")).contains("default", "json-ns");
  }

  @Test
  void aRefusalOrAnUnreachableServerExitsOneWithTheProblem() throws IOException {
    ok(args("namespace", "create", "twice"));

    CliRun again = run(args("namespace", "create", "twice"));
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("409", "namespace-already-exists", "'twice'");
    assertThat(again.out()).isEmpty();

    CliRun missing = run(args("namespace", "describe", "ghost"));
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("404", "namespace-not-found", "'ghost'");
    CliRun missingUpdate = run(args("namespace", "update", "ghost", "--description", "x"));
    assertThat(missingUpdate.exit()).isEqualTo(1);
    assertThat(missingUpdate.err()).contains("namespace-not-found");

    CliRun badName = run(args("namespace", "create", "bad/name"));
    assertThat(badName.exit()).isEqualTo(1);
    assertThat(badName.err()).contains("400", "invalid-field", "name");

    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    CliRun unreachable =
        run("namespace", "list", "--address", "http://127.0.0.1:" + freePort, "--token", "s3cret");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err()).contains("cannot reach the Weft API").doesNotContain("s3cret");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(run(args("namespace", "update", "payments")).exit()).isEqualTo(2);
    assertThat(run(args("namespace", "update", "payments")).err()).contains("nothing to update");
    CliRun badRetention = run(args("namespace", "create", "x", "--retention", "7 days"));
    assertThat(badRetention.exit()).isEqualTo(2);
    assertThat(badRetention.err()).contains("--retention");
    assertThat(run(args("namespace", "list", "--output", "yaml")).exit()).isEqualTo(2);
    assertThat(run(args("namespace", "create")).exit()).isEqualTo(2);
    assertThat(run("namespace").exit()).isEqualTo(2);
    CliRun badAddress = run("namespace", "list", "--address", "not a url");
    assertThat(badAddress.exit()).isEqualTo(2);
    assertThat(badAddress.err()).contains("--address");
    assertThat(engine.namespaces().list()).noneMatch(ns -> ns.name().equals("x"));
  }
}
