package dev.weft.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.WeftServerOptions;
import dev.weft.server.http.ApiRole;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiCalls.Answer;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The token routes and their enforcement on a server with token authentication, on both stores,
 * through {@link ApiCalls} (every answer checked against the OpenAPI document): an admin bound to
 * every namespace creates, lists and revokes tokens; no token, an unknown or a revoked one is 401
 * with {@code WWW-Authenticate: Bearer}; a role too low or a namespace-bound admin is 403; every
 * refusal is logged with the token's ID and never its secret.
 */
class TokenApiTest {
  @TempDir Path dir;
  private ApiServer api;
  private ApiTokens tokens;
  private String admin;
  private final ListAppender<ILoggingEvent> refusals = new ListAppender<>();
  private final Logger accessLog = (Logger) LoggerFactory.getLogger(ApiAccess.class);

  private void start(TestStore store) {
    api =
        ApiServer.start(
            store, dir, engine -> {}, WeftServerOptions.defaults().withPort(0).withTokenAuth(true));
    tokens = ApiTokens.in(api.engine().store());
    admin = tokens.create("first admin", ApiRole.ADMIN, Set.of("*")).secret();
  }

  @BeforeEach
  void captureRefusals() {
    refusals.start();
    accessLog.addAppender(refusals);
  }

  @AfterEach
  void stop() {
    accessLog.detachAppender(refusals);
    if (api != null) {
      api.close();
    }
  }

  private ApiCalls as(String secret) {
    return api.calls().withToken(secret);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anAdminCreatesListsAndRevokesTokens(TestStore store) {
    start(store);

    Answer created =
        as(admin)
            .post(
                "/api/v1/tokens",
                Map.of("name", "ci worker", "role", "WORKER", "namespaces", List.of("default")));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    String secret = body.path("token").asText();
    String id = body.path("tokenId").asText();
    assertThat(secret).startsWith("weft_").hasSize(48);
    assertThat(body.path("role").asText()).isEqualTo("WORKER");
    assertThat(tokens.findBySecret(secret).orElseThrow().tokenId()).isEqualTo(id);

    Answer list = as(admin).get("/api/v1/tokens");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("tokens").findValuesAsText("name"))
        .containsExactly("first admin", "ci worker");
    assertThat(list.body()).doesNotContain(secret).doesNotContain(admin);

    Answer revoked = as(admin).post("/api/v1/tokens/" + id + "/revoke", null);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().path("revokedAt").isTextual()).isTrue();
    assertThat(tokens.find(id).orElseThrow().isRevoked()).isTrue();
    assertThat(as(admin).post("/api/v1/tokens/nope/revoke", null).problemType())
        .isEqualTo("token-not-found");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void missingUnknownAndRevokedTokensAre401WithBearerChallenge(TestStore store) throws Exception {
    start(store);
    NewApiToken doomed = tokens.create("doomed", ApiRole.ADMIN, Set.of("*"));
    tokens.revoke(doomed.token().tokenId());
    String unknown = "weft_" + "A".repeat(43);

    Answer none = api.calls().get("/api/v1/tokens");
    Answer bad = as(unknown).get("/api/v1/tokens");
    Answer notBearer =
        api.calls().send("GET", "/api/v1/tokens", null, Map.of("Authorization", "Basic eDp5"));
    Answer revoked = as(doomed.secret()).get("/api/v1/tokens");

    assertThat(List.of(none, bad, notBearer, revoked)).extracting(Answer::status).containsOnly(401);
    assertThat(none.problemType()).isEqualTo("token-required");
    assertThat(bad.problemType()).isEqualTo("token-invalid");
    assertThat(notBearer.problemType()).isEqualTo("token-invalid");
    assertThat(revoked.problemType()).isEqualTo("token-revoked");
    assertThat(revoked.json().path("detail").asText()).contains(doomed.token().tokenId());
    assertThat(challenge(null)).isEqualTo("Bearer realm=\"weft\"");
    assertThat(challenge(unknown)).isEqualTo("Bearer realm=\"weft\", error=\"invalid_token\"");
    assertThat(tokens.list()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRoleTooLowOrANamespaceBoundAdminIs403(TestStore store) {
    start(store);
    String operator = tokens.create("ops", ApiRole.OPERATOR, Set.of("*")).secret();
    String nsAdmin = tokens.create("billing admin", ApiRole.ADMIN, Set.of("billing")).secret();

    Answer low = as(operator).get("/api/v1/tokens");
    Answer bound =
        as(nsAdmin)
            .post(
                "/api/v1/tokens",
                Map.of("name", "escalate", "role", "ADMIN", "namespaces", List.of("*")));

    assertThat(low.status()).isEqualTo(403);
    assertThat(low.problemType()).isEqualTo("role-insufficient");
    assertThat(low.json().path("detail").asText()).contains("OPERATOR").contains("ADMIN");
    assertThat(bound.status()).isEqualTo(403);
    assertThat(bound.problemType()).isEqualTo("namespace-not-allowed");
    assertThat(tokens.list()).extracting(ApiToken::name).doesNotContain("escalate");
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void openRoutesAnswerWithoutAToken(TestStore store) {
    start(store);

    assertThat(api.calls().get("/api/v1/health").status()).isEqualTo(200);
    assertThat(api.calls().get("/api/v1/ready").status()).isEqualTo(200);
    assertThat(api.calls().get("/api/v1/openapi.json").status()).isEqualTo(200);
    assertThat(as("weft_garbage").get("/api/v1/health").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void badCreateRequestsAre400NamingTheFieldAndCreateNothing(TestStore store) {
    start(store);
    ApiCalls calls = as(admin);

    Answer noName =
        calls.post("/api/v1/tokens", Map.of("role", "READER", "namespaces", List.of("*")));
    Answer badRole =
        calls.post(
            "/api/v1/tokens", Map.of("name", "x", "role", "ROOT", "namespaces", List.of("*")));
    Answer starWithOthers =
        calls.post(
            "/api/v1/tokens",
            Map.of("name", "x", "role", "READER", "namespaces", List.of("*", "default")));
    Answer noNamespaces =
        calls.post(
            "/api/v1/tokens", Map.of("name", "x", "role", "READER", "namespaces", List.of()));
    Answer blankName =
        calls.post(
            "/api/v1/tokens", Map.of("name", " ", "role", "READER", "namespaces", List.of("*")));
    Answer unknownField =
        calls.post(
            "/api/v1/tokens",
            Map.of("name", "x", "role", "READER", "namespaces", List.of("*"), "secret", "mine"));

    assertThat(List.of(noName, badRole, starWithOthers, noNamespaces, blankName, unknownField))
        .extracting(Answer::status)
        .containsOnly(400);
    assertThat(noName.json().path("field").asText()).isEqualTo("name");
    assertThat(badRole.json().path("field").asText()).isEqualTo("role");
    assertThat(starWithOthers.json().path("field").asText()).isEqualTo("namespaces");
    assertThat(noNamespaces.json().path("field").asText()).isEqualTo("namespaces");
    assertThat(blankName.json().path("field").asText()).isEqualTo("name");
    assertThat(unknownField.json().path("field").asText()).isEqualTo("secret");
    assertThat(tokens.list()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void everyRefusalIsLoggedWithTheTokenIdAndNeverTheSecret(TestStore store) {
    start(store);
    NewApiToken reader = tokens.create("reader", ApiRole.READER, Set.of("*"));

    as(reader.secret()).get("/api/v1/tokens");
    api.calls().get("/api/v1/tokens");
    as("weft_not-a-real-token").get("/api/v1/tokens");

    List<String> lines = refusals.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .contains("GET /api/v1/tokens")
        .contains(reader.token().tokenId())
        .contains("403");
    assertThat(lines.get(1)).contains("401").contains("needs a token");
    assertThat(String.join("\n", lines))
        .doesNotContain(reader.secret())
        .doesNotContain("weft_not-a-real-token")
        .doesNotContain(admin);
  }

  private String challenge(String secret) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(api.server().baseUri() + "/api/v1/tokens"));
    if (secret != null) {
      b.header("Authorization", "Bearer " + secret);
    }
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(401);
      return r.headers().firstValue("WWW-Authenticate").orElse("(none)");
    }
  }
}
