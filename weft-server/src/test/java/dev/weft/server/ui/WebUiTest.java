package dev.weft.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WebUi}'s rules on a fixture UI (test resources {@code dev/weft/server/ui-fixture/}) and on
 * a class path without one, independent of whether npm built the real UI.
 */
class WebUiTest {
  final HttpClient http = HttpClient.newHttpClient();
  Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  URI serve(String root) {
    WebUi ui = WebUi.at(WebUiTest.class.getClassLoader(), root);
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              ui.install(config, Set.of("api"));
              config.routes.get("/api/ping", ctx -> ctx.result("pong"));
            });
    app.start("127.0.0.1", 0);
    return URI.create("http://127.0.0.1:" + app.port());
  }

  HttpResponse<String> get(URI base, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void filesAssetsAndDeepLinks() throws Exception {
    URI base = serve("dev/weft/server/ui-fixture/");
    WebUi ui = WebUi.at(WebUiTest.class.getClassLoader(), "dev/weft/server/ui-fixture");
    assertThat(ui.built()).isTrue();

    HttpResponse<String> index = get(base, "/");
    assertThat(index.body()).contains("<title>Fixture UI</title>");
    assertThat(index.headers().firstValue("Cache-Control")).hasValue(WebUi.PAGE_CACHE);

    HttpResponse<String> asset = get(base, "/assets/app-3f2a1b.js");
    assertThat(asset.body()).contains("fixture");
    assertThat(asset.headers().firstValue("Cache-Control")).hasValue(WebUi.ASSET_CACHE);

    HttpResponse<String> file = get(base, "/robots.txt");
    assertThat(file.body()).isEqualTo("fixture\n");
    assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(file.headers().firstValue("Cache-Control")).hasValue(WebUi.PAGE_CACHE);

    assertThat(get(base, "/namespaces/ns/workflows/a.b").body()).isEqualTo(index.body());
    assertThat(get(base, "/assets/gone.js").statusCode()).isEqualTo(404);
    assertThat(get(base, "/api/ping").body()).isEqualTo("pong");
    assertThat(get(base, "/api/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void pathsOutOfTheFolderAnswerTheAppsPageNotAFile() throws Exception {
    URI base = serve("dev/weft/server/ui-fixture/");
    String index = get(base, "/").body();

    // the encoded dots reach the server as ".." segments: never resolved against the class path
    HttpResponse<String> r = get(base, "/assets/%2e%2e/%2e%2e/ui-fixture/index.html");
    assertThat(r.body()).doesNotContain("class");
    assertThat(r.statusCode()).isIn(200, 400, 404);
    if (r.statusCode() == 200) {
      assertThat(r.body()).isEqualTo(index);
    }
  }

  @Test
  void withoutAUiTheRootSaysSoAndHowToBuildIt() throws Exception {
    assertThat(WebUi.at(WebUiTest.class.getClassLoader(), "dev/weft/server/no-ui/").built())
        .isFalse();
    URI base = serve("dev/weft/server/no-ui/");

    for (String path : new String[] {"/", "/namespaces/default/workflows"}) {
      HttpResponse<String> r = get(base, path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(r.body())
          .contains("web UI was not built")
          .contains("-Dweft.ui.skip")
          .contains("Node.js")
          .contains("/api/v1");
    }
    assertThat(get(base, "/api/ping").body()).isEqualTo("pong");
  }

  @Test
  void contentTypesAndSegments() {
    assertThat(WebUi.contentType("assets/a.css")).isEqualTo("text/css; charset=utf-8");
    assertThat(WebUi.contentType("x.unknown")).isEqualTo("application/octet-stream");
    assertThat(WebUi.firstSegment("/api/v1/health")).isEqualTo("api");
    assertThat(WebUi.firstSegment("/")).isEmpty();
    assertThat(WebUi.firstSegment("/metrics")).isEqualTo("metrics");
  }
}
