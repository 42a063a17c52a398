package dev.weft.cli;

import static dev.weft.cli.CliRun.ok;
import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.server.auth.ApiToken;
import dev.weft.server.auth.ApiTokens;
import dev.weft.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code weft token create|list|revoke}, in-process ({@link CliRun}), on a SQLite file and on a
 * PostgreSQL database: directly on the store (the first admin token), then through a real server
 * with token authentication ({@code --address}, {@code --token}), table and JSON output, and the
 * exit codes of bad usage (2) and refused operations (1).
 */
class TokenCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger databases = new AtomicInteger();
  @TempDir static Path shared;
  @TempDir Path dir;
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(shared.resolve("pg"))
            .setCleanDataDirectory(true)
            .start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** A new, empty store of the kind, made as a node makes it; returns its --store location. */
  private String newStore(String kind) throws SQLException {
    String location;
    if ("sqlite".equals(kind)) {
      location = dir.resolve("weft.db").toString();
    } else {
      String name = "tokens" + databases.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      location = "postgres://postgres@localhost:" + postgres.getPort() + "/" + name;
    }
    open(location).close();
    return location;
  }

  private static Store open(String location) {
    return StoreLocation.parse(location).open(StoreLocation.OpenOptions.node("token-test"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void onTheStoreTheFirstAdminIsCreatedListedAndRevoked(String kind) throws Exception {
    String store = newStore(kind);

    CliRun created =
        ok(
            "token",
            "create",
            "--store",
            store,
            "--name",
            "first admin",
            "--role",
            "admin",
            "--namespaces",
            "*");
    String secret = created.out().strip();
    assertThat(secret).matches("weft_[A-Za-z0-9_-]{43}");
    assertThat(created.err()).contains("ADMIN on *").contains("shown this once");
    CliRun ops =
        ok(
            "token",
            "create",
            "--store",
            store,
            "--name",
            "ops",
            "--role",
            "OPERATOR",
            "--namespaces",
            "default,billing",
            "--output",
            "json");
    JsonNode opsJson = JSON.readTree(ops.out());
    String opsId = opsJson.path("tokenId").asText();
    assertThat(opsJson.path("token").asText()).startsWith("weft_");
    assertThat(opsJson.path("namespaces").toString()).isEqualTo("[\"billing\",\"default\"]");

    ok("token", "revoke", "--store", store, opsId);
    CliRun list = ok("token", "list", "--store", store);

    assertThat(list.lines().get(0)).startsWith("TOKEN ID  ");
    assertThat(list.lines()).hasSize(3);
    assertThat(list.lines().get(1)).contains("first admin").contains("ADMIN").endsWith("-");
    assertThat(list.lines().get(2))
        .contains(opsId)
        .contains("OPERATOR")
        .contains("billing,default");
    assertThat(list.lines().get(2)).doesNotEndWith("-");
    assertThat(list.out()).doesNotContain(secret).doesNotContain(opsJson.path("token").asText());
    try (Store s = open(store)) {
      ApiToken admin = ApiTokens.in(s).findBySecret(secret).orElseThrow();
      assertThat(admin.name()).isEqualTo("first admin");
      assertThat(ApiTokens.in(s).find(opsId).orElseThrow().isRevoked()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void throughTheApiAnAdminTokenManagesTokens(String kind) throws Exception {
    String store = newStore(kind);
    String admin =
        ok(
                "token",
                "create",
                "--store",
                store,
                "--name",
                "root",
                "--role",
                "admin",
                "--namespaces",
                "*")
            .out()
            .strip();
    try (WeftEngine engine = WeftEngine.builder().store(open(store)).build()) {
      engine.start();
      try (WeftServer server =
          WeftServer.start(engine, WeftServerOptions.defaults().withPort(0).withTokenAuth(true))) {
        String address = server.baseUri().toString();

        String worker =
            ok(
                    "token",
                    "create",
                    "--address",
                    address,
                    "--token",
                    admin,
                    "--name",
                    "ci",
                    "--role",
                    "worker",
                    "--namespaces",
                    "default")
                .out()
                .strip();
        JsonNode listed =
            JSON.readTree(
                ok("token", "list", "--address", address, "--token", admin, "--output", "json")
                    .out());
        String workerId = listed.path("tokens").get(1).path("tokenId").asText();
        CliRun revoked = ok("token", "revoke", "--address", address, "--token", admin, workerId);
        CliRun unknown = run("token", "revoke", "--address", address, "--token", admin, "nope");
        CliRun noToken = run("token", "list", "--address", address);
        CliRun asWorker = run("token", "list", "--address", address, "--token", worker);
        CliRun badRequest =
            run(
                "token",
                "create",
                "--address",
                address,
                "--token",
                admin,
                "--name",
                " ",
                "--role",
                "reader",
                "--namespaces",
                "default");

        assertThat(worker).startsWith("weft_");
        assertThat(listed.path("tokens").findValuesAsText("name")).containsExactly("root", "ci");
        assertThat(listed.path("tokens").get(1).path("role").asText()).isEqualTo("WORKER");
        assertThat(revoked.out()).startsWith("revoked token " + workerId + " 'ci' at ");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("404 token-not-found").contains("nope");
        assertThat(noToken.exit()).isEqualTo(1);
        assertThat(noToken.err()).contains("401 token-required");
        assertThat(asWorker.exit()).isEqualTo(1);
        assertThat(asWorker.err()).contains("401 token-revoked");
        assertThat(badRequest.exit()).isEqualTo(2);
        assertThat(badRequest.err()).contains("400 invalid-field");
        assertThat(ApiTokens.in(engine.store()).list())
            .extracting(ApiToken::name)
            .containsExactly("root", "ci");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void badUsageExitsTwoAndChangesNothing(String kind) throws Exception {
    String store = newStore(kind);

    List<CliRun> runs =
        List.of(
            run("token", "list"),
            run("token", "list", "--store", store, "--address", "http://127.0.0.1:1"),
            run("token", "list", "--address", "ftp://x"),
            run(
                "token",
                "create",
                "--store",
                store,
                "--name",
                "x",
                "--role",
                "root",
                "--namespaces",
                "*"),
            run("token", "create", "--store", store, "--name", "x", "--role", "reader"),
            run(
                "token",
                "create",
                "--store",
                store,
                "--name",
                "x",
                "--role",
                "reader",
                "--namespaces",
                "*,default"),
            run("token"));

    assertThat(runs).extracting(CliRun::exit).containsOnly(2);
    assertThat(runs.get(0).err()).contains("--store").contains("--address");
    assertThat(runs.get(1).err()).contains("not both");
    assertThat(runs.get(5).err()).contains("'*'");
    try (Store s = open(store)) {
      assertThat(ApiTokens.in(s).list()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void failuresExitOne(String kind) throws Exception {
    String store = newStore(kind);

    CliRun unknown = run("token", "revoke", "--store", store, "nope");
    CliRun unreachable = run("token", "list", "--address", "http://127.0.0.1:1", "--token", "x");

    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("weft token revoke: no API token nope\n");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err()).contains("cannot reach the Weft API at http://127.0.0.1:1");
  }
}
