package dev.weft.server.api.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.workflows.TestWorkflows;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The namespace routes (create, list, describe, update) and the workflow routes of a created
 * namespace, through plain HTTP checked against the OpenAPI document, on SQLite and PostgreSQL.
 */
class NamespaceRoutesTest {
  static final String NAMESPACES = "/api/v1/namespaces";
  @TempDir static Path dir;
  static final Map<TestStore, ApiServer> servers = new EnumMap<>(TestStore.class);

  static synchronized ApiCalls api(TestStore store) {
    return servers
        .computeIfAbsent(store, s -> TestWorkflows.server(s, dir.resolve(s.name().toLowerCase())))
        .calls();
  }

  @AfterAll
  static void stop() {
    servers.values().forEach(ApiServer::close);
  }

  /** A namespace name no other test uses. */
  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Answer patch(ApiCalls api, String path, Object body) {
    return api.send("PATCH", path, body, Map.of());
  }

  private static Answer assertProblem(Answer a, int status, String slug) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.problemType()).as(a.body()).isEqualTo(slug);
    assertThat(a.json().path("detail").asText()).isNotBlank();
    return a;
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void createsDescribesListsAndUpdatesANamespace(TestStore store) {
    ApiCalls api = api(store);
    String name = unique("payments");

    Answer created =
        api.post(
            NAMESPACES, Map.of("name", name, "description", "card payments", "retention", "P7D"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode c = created.json();
    assertThat(c.path("name").asText()).isEqualTo(name);
    assertThat(c.path("description").asText()).isEqualTo("card payments");
    assertThat(Duration.parse(c.path("retention").asText())).isEqualTo(Duration.ofDays(7));
    assertThat(c.path("createTime").asText()).isEqualTo(c.path("updateTime").asText());

    assertThat(api.get(NAMESPACES + "/" + name).json()).isEqualTo(c);
    List<String> listed = api.get(NAMESPACES).json().path("namespaces").findValuesAsText("name");
    assertThat(listed).contains("default", name);
    assertThat(listed).isSorted();

    Answer updated = patch(api, NAMESPACES + "/" + name, Map.of("retention", "PT36H"));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(Duration.parse(updated.json().path("retention").asText()))
        .isEqualTo(Duration.ofHours(36));
    assertThat(updated.json().path("description").asText()).isEqualTo("card payments");
    Answer described = patch(api, NAMESPACES + "/" + name, Map.of("description", "cards"));
    assertThat(described.json().path("description").asText()).isEqualTo("cards");
    assertThat(Duration.parse(api.get(NAMESPACES + "/" + name).json().path("retention").asText()))
        .isEqualTo(Duration.ofHours(36));

    Answer withDefaults = api.post(NAMESPACES, Map.of("name", unique("plain")));
    assertThat(withDefaults.status()).isEqualTo(201);
    assertThat(Duration.parse(withDefaults.json().path("retention").asText()))
        .isEqualTo(Duration.ofDays(30));
    assertThat(withDefaults.json().path("description").asText()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesDuplicatesUnknownNamespacesAndBadInputNamingTheProblem(TestStore store) {
    ApiCalls api = api(store);
    String name = unique("dup");
    assertThat(api.post(NAMESPACES, Map.of("name", name, "retention", "P1D")).status())
        .isEqualTo(201);

    Answer duplicate = api.post(NAMESPACES, Map.of("name", name, "retention", "P2D"));
    assertProblem(duplicate, 409, "namespace-already-exists");
    assertThat(duplicate.json().path("detail").asText()).contains(name);
    assertThat(api.get(NAMESPACES + "/" + name).json().path("retention").asText())
        .isEqualTo("PT24H");

    Answer unknown = api.get(NAMESPACES + "/ghost");
    assertProblem(unknown, 404, "namespace-not-found");
    assertThat(unknown.json().path("field").asText()).isEqualTo("namespace");
    assertThat(unknown.json().path("value").asText()).isEqualTo("ghost");
    assertProblem(
        patch(api, NAMESPACES + "/ghost", Map.of("retention", "P1D")), 404, "namespace-not-found");
    assertProblem(api.get(NAMESPACES + "/bad%20name"), 404, "namespace-not-found");

    assertBadField(api.post(NAMESPACES, Map.of("name", "bad/name")), "name");
    assertBadField(api.post(NAMESPACES, Map.of("name", "x".repeat(65))), "name");
    assertBadField(api.post(NAMESPACES, Map.of("description", "no name")), "name");
    assertBadField(
        api.post(NAMESPACES, Map.of("name", unique("r"), "retention", "7 days")), "retention");
    assertBadField(
        api.post(NAMESPACES, Map.of("name", unique("r"), "retention", "PT0S")), "retention");
    assertBadField(api.post(NAMESPACES, Map.of("name", unique("r"), "owner", "me")), "owner");
    assertBadField(api.post(NAMESPACES, Map.of("name", 42)), "name");
    assertProblem(api.post(NAMESPACES, "{\"name\":"), 400, "malformed-json");
    assertBadField(patch(api, NAMESPACES + "/" + name, Map.of("retention", "-P1D")), "retention");
    assertProblem(patch(api, NAMESPACES + "/" + name, Map.of()), 400, "nothing-to-update");
    assertThat(api.get(NAMESPACES + "/" + name).json().path("retention").asText())
        .as("nothing changed")
        .isEqualTo("PT24H");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theWorkflowRoutesServeEveryNamespaceOfTheCatalogApart(TestStore store) {
    ApiCalls api = api(store);
    String name = unique("orders");
    String workflows = NAMESPACES + "/" + name + "/workflows";
    Map<String, Object> start =
        Map.of(
            "workflowType",
            "Greeter",
            "args",
            List.of("ada"),
            "options",
            Map.of("workflowId", "shared-id-" + name, "taskQueue", TestWorkflows.QUEUE));

    assertProblem(api.post(workflows, start), 404, "namespace-not-found");
    api.post(NAMESPACES, Map.of("name", name));

    Answer inNamespace = api.post(workflows, start);
    assertThat(inNamespace.status()).as(inNamespace.body()).isEqualTo(201);
    Answer inDefault = api.post(NAMESPACES + "/default/workflows", start);
    assertThat(inDefault.status()).as("the same workflow ID in another namespace").isEqualTo(201);
    assertThat(inNamespace.json().path("runId").asText())
        .isNotEqualTo(inDefault.json().path("runId").asText());

    String one = workflows + "/shared-id-" + name;
    JsonNode result = api.get(one + "/result?wait=PT30S").json();
    assertThat(result.toString()).contains("ada");
    assertThat(api.get(one).json().path("runId").asText())
        .isEqualTo(inNamespace.json().path("runId").asText());
    assertThat(api.get(workflows).json().path("workflows").findValuesAsText("workflowId"))
        .containsExactly("shared-id-" + name);
    assertThat(api.get(NAMESPACES + "/" + name + "/workflow-count").json().path("count").asLong())
        .isEqualTo(1);
  }

  private static void assertBadField(Answer a, String field) {
    assertProblem(a, 400, "invalid-field");
    assertThat(a.json().path("field").asText()).as(a.body()).isEqualTo(field);
  }
}
