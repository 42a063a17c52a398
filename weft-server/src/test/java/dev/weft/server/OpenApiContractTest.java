package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.http.ApiRoute;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.server.testsupport.OpenApiDocument;
import dev.weft.testsupport.TestStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document and the server agree: every route is documented, every documented operation
 * is a route, every route that needs a role says so in the document, and the document the server
 * serves is the one on the class path. (Response shapes are checked on every call the API tests
 * make, through {@link ApiCalls}.)
 */
class OpenApiContractTest {
  /**
   * Routes outside the document, on purpose: {@code GET /metrics} is the Prometheus scrape endpoint
   * (Prometheus's text format and path convention, not JSON, not under {@code /api/v1}), so it is
   * not part of the API the document describes and clients are generated from.
   */
  static final Set<String> UNDOCUMENTED = Set.of("GET /metrics");

  @TempDir static Path dir;
  static ApiServer api;

  @BeforeAll
  static void start() {
    api =
        ApiServer.start(
            TestStore.SQLITE,
            dir,
            engine -> {},
            WeftServerOptions.defaults()
                .withPort(0)
                .withMeterRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
    Set<String> routes = new TreeSet<>();
    for (ApiRoute r : api.server().routes()) {
      routes.add(r.method().name() + " " + r.path());
    }
    assertThat(routes).containsAll(UNDOCUMENTED);
    routes.removeAll(UNDOCUMENTED);
    assertThat(routes).isEqualTo(OpenApiDocument.get().operations());
  }

  @Test
  void routesOpenToEveryoneAreDocumentedWithoutSecurityAndTheOthersWithIt() {
    JsonNode paths = OpenApiDocument.get().root().path("paths");
    for (ApiRoute r : api.server().routes()) {
      if (UNDOCUMENTED.contains(r.method().name() + " " + r.path())) {
        assertThat(r.role()).as("%s %s open to everyone", r.method(), r.path()).isNull();
        continue;
      }
      JsonNode op = paths.path(r.path()).path(r.method().name().toLowerCase());
      boolean open = op.has("security") && op.path("security").isEmpty();
      assertThat(open)
          .as("%s %s open to everyone", r.method(), r.path())
          .isEqualTo(r.role() == null);
    }
  }

  @Test
  void theServedDocumentIsTheClassPathOne() {
    ApiCalls.Answer a = api.calls().get("/api/v1/openapi.json");
    assertThat(a.json()).isEqualTo(OpenApiDocument.get().root());
    assertThat(a.json().path("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void healthAndReadiness() {
    assertThat(api.calls().get("/api/v1/health").json().path("status").asText()).isEqualTo("UP");
    assertThat(api.calls().get("/api/v1/ready").json().path("status").asText()).isEqualTo("READY");
  }

  @Test
  void unknownRoutesAndMethodsAreProblemDocuments() {
    ApiCalls.Answer missing = api.calls().get("/api/v1/nothing-here");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.problemType()).isEqualTo("route-not-found");

    ApiCalls.Answer wrongMethod = api.calls().delete("/api/v1/health");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.problemType()).isEqualTo("method-not-allowed");
  }
}
