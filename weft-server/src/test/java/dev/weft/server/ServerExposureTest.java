package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.WeftEngine;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WeftServer#start} refuses to serve an address other than loopback without tokens, naming
 * {@code --insecure}, and binds nothing; with tokens or with {@code insecure} it serves.
 */
class ServerExposureTest {
  @TempDir Path dir;
  private WeftEngine engine;

  @BeforeEach
  void startEngine() {
    engine = WeftEngine.builder().store(TestStore.SQLITE.open(dir)).build();
    engine.start();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void everyInterfaceWithoutTokensIsRefusedNamingInsecure() {
    WeftServerOptions open = WeftServerOptions.defaults().withHost("0.0.0.0").withPort(0);

    assertThatThrownBy(() -> WeftServer.start(engine, open))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0.0.0")
        .hasMessageContaining("--insecure")
        .hasMessageContaining("--token-auth");
  }

  @Test
  void everyInterfaceServesWithTokensOrWhenInsecure() {
    WeftServerOptions any = WeftServerOptions.defaults().withHost("0.0.0.0").withPort(0);

    try (WeftServer withTokens = WeftServer.start(engine, any.withTokenAuth(true));
        WeftServer insecure = WeftServer.start(engine, any.withInsecure(true))) {
      assertThat(withTokens.port()).isPositive();
      assertThat(insecure.port()).isPositive();
    }
  }

  @Test
  void loopbackNamesServeWithoutTokens() {
    for (String host : new String[] {"127.0.0.1", "localhost", "::1"}) {
      try (WeftServer server =
          WeftServer.start(engine, WeftServerOptions.defaults().withHost(host).withPort(0))) {
        assertThat(server.port()).as(host).isPositive();
      }
    }
  }
}
