package dev.weft.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.WeftEngine;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.server.http.ApiRoute;
import dev.weft.server.testsupport.OpenApiDocument;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route that needs a role documents what token authentication can answer: 401 and 403, each
 * explicitly or through a {@code default} problem response, so that a client generated from the
 * document knows them.
 */
class SecuredRoutesDocumentedTest {
  @TempDir Path dir;

  @Test
  void everyRouteWithARoleDocuments401And403() {
    List<String> undocumented = new ArrayList<>();
    try (WeftEngine engine = WeftEngine.builder().store(TestStore.SQLITE.open(dir)).build()) {
      engine.start();
      try (WeftServer server =
          WeftServer.start(engine, WeftServerOptions.defaults().withPort(0).withTokenAuth(true))) {
        JsonNode paths = OpenApiDocument.get().root().path("paths");
        for (ApiRoute r : server.routes()) {
          if (r.role() == null) {
            continue;
          }
          JsonNode responses =
              paths.path(r.path()).path(r.method().name().toLowerCase()).path("responses");
          for (String status : List.of("401", "403")) {
            if (!responses.has(status) && !responses.has("default")) {
              undocumented.add(r.method() + " " + r.path() + " " + status);
            }
          }
        }
        assertThat(server.routes()).anyMatch(r -> r.role() != null);
      }
    }
    assertThat(undocumented).isEmpty();
  }
}
