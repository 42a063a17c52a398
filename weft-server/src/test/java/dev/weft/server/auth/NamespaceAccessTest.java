package dev.weft.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoute;
import dev.weft.store.Store;
import dev.weft.testsupport.TestStore;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ApiAccess} on a namespaced route ({@code /api/v1/namespaces/{namespace}/...}), served by a
 * bare Javalin on a free port over a real store: a token bound to the path's namespace or to {@code
 * *} passes and is handed to the route as the caller; a token bound to other namespaces is 403
 * {@code namespace-not-allowed}, and the route's handler does not run.
 */
class NamespaceAccessTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aTokenPassesOnlyForTheNamespacesItIsBoundTo(TestStore kind) throws Exception {
    try (Store store = kind.open(dir)) {
      ApiTokens tokens = ApiTokens.in(store);
      NewApiToken billing = tokens.create("billing", ApiRole.READER, Set.of("billing", "ops"));
      NewApiToken everywhere = tokens.create("all", ApiRole.READER, Set.of("*"));
      ApiAccess access = ApiAccess.withTokens(tokens);
      ApiRoute route =
          new ApiRoute(
              HandlerType.GET,
              "/api/v1/namespaces/{namespace}/things",
              ApiRole.READER,
              ctx ->
                  ctx.result(
                      "ok for " + ApiAccess.caller(ctx).map(ApiToken::name).orElse("nobody")));
      Javalin app =
          Javalin.create(
                  c -> {
                    c.startup.showJavalinBanner = false;
                    c.routes.addEndpoint(
                        new Endpoint(route.method(), route.path(), access.guard(route)));
                  })
              .start("127.0.0.1", 0);
      try (HttpClient http = HttpClient.newHttpClient()) {
        String base = "http://127.0.0.1:" + app.port() + "/api/v1/namespaces/";

        HttpResponse<String> own = get(http, base + "billing/things", billing.secret());
        HttpResponse<String> other = get(http, base + "default/things", billing.secret());
        HttpResponse<String> star = get(http, base + "default/things", everywhere.secret());

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo("ok for billing");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body())
            .contains("namespace-not-allowed")
            .contains(billing.token().tokenId())
            .contains("'default'");
        assertThat(other.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        assertThat(star.statusCode()).isEqualTo(200);
        assertThat(star.body()).isEqualTo("ok for all");
      } finally {
        app.stop();
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url, String secret)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + secret).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
