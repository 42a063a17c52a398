package dev.weft.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.server.WeftServerOptions;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server serves the weft-ui jar's app at {@code /}: deep links answer {@code index.html},
 * hashed assets are cached for a year, the API's paths keep their problem documents. (Serving needs
 * no store feature, so one store is enough.) Skipped when the UI was not built ({@code
 * -Dweft.ui.skip}); {@link WebUiTest} covers the same rules on a fixture without npm.
 */
class WebUiServingTest {
  @TempDir static Path dir;
  static ApiServer api;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        ApiServer.start(
            TestStore.SQLITE, dir, engine -> {}, WeftServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(api.server().baseUri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void assumeBuilt() {
    assumeTrue(WebUi.fromClassPath().built(), "the web UI was not built (-Dweft.ui.skip)");
  }

  @Test
  void rootServesTheAppAndIsRevalidatedOnEveryLoad() throws Exception {
    assumeBuilt();
    HttpResponse<String> r = get("/");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(r.body()).contains("<div id=\"root\"></div>").contains("/assets/");
  }

  @Test
  void deepLinksAnswerTheAppsPage() throws Exception {
    assumeBuilt();
    String index = get("/").body();

    for (String link :
        new String[] {
          "/namespaces/default/workflows/x",
          "/namespaces/default/workflows/order.17?runId=abc",
          "/namespaces/default/task-queues"
        }) {
      HttpResponse<String> r = get(link);
      assertThat(r.statusCode()).as(link).isEqualTo(200);
      assertThat(r.body()).as(link).isEqualTo(index);
      assertThat(r.headers().firstValue("Cache-Control")).as(link).hasValue("no-cache");
    }
  }

  @Test
  void hashedAssetsAreCachedForAYear() throws Exception {
    assumeBuilt();
    Matcher m = Pattern.compile("/assets/[^\"]+\\.js").matcher(get("/").body());
    assertThat(m.find()).as("index.html names its script").isTrue();

    HttpResponse<String> r = get(m.group());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
    assertThat(r.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(r.body()).isNotBlank();
  }

  @Test
  void theApiKeepsItsProblemDocuments() {
    ApiCalls.Answer nope = api.calls().sendUnchecked("GET", "/api/v1/nope", null, Map.of());
    assertThat(nope.status()).isEqualTo(404);
    assertThat(nope.contentType()).startsWith("application/problem+json");
    assertThat(nope.problemType()).isEqualTo("route-not-found");

    ApiCalls.Answer health = api.calls().get("/api/v1/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");

    ApiCalls.Answer metrics = api.calls().sendUnchecked("GET", "/metrics", null, Map.of());
    assertThat(metrics.status()).isEqualTo(404);
    assertThat(metrics.problemType()).isEqualTo("route-not-found");
  }

  @Test
  void aMissingAssetIsA404NotTheApp() throws Exception {
    assumeBuilt();
    HttpResponse<String> r = get("/assets/index-gone1234.js");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void onlyGetAndHeadAreTheUis() throws Exception {
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(api.server().baseUri() + "/namespaces/default"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(post.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }
}
