package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.server.ServerTls;
import dev.weft.server.WeftServerOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@link ServerSecurityOptions} read from a command line into the server's options. */
class ServerSecurityOptionsTest {

  @Command(name = "serve")
  static final class Serve {
    @Mixin ServerSecurityOptions security;
  }

  private static WeftServerOptions parse(String... args) {
    Serve serve = new Serve();
    new CommandLine(serve).parseArgs(args);
    return serve.security.applyTo(WeftServerOptions.defaults());
  }

  @Test
  void nothingGivenIsLoopbackDefaults() {
    WeftServerOptions o = parse();

    assertThat(o.tokenAuth()).isFalse();
    assertThat(o.insecure()).isFalse();
    assertThat(o.tls()).isNull();
  }

  @Test
  void tokensInsecureAndPemOrKeystoreAreApplied() {
    WeftServerOptions pem =
        parse("--token-auth", "--tls-cert", "server.crt", "--tls-key", "server.key");
    WeftServerOptions p12 =
        parse("--insecure", "--tls-keystore", "server.p12", "--tls-keystore-password", "pw");

    assertThat(pem.tokenAuth()).isTrue();
    assertThat(pem.tls()).isEqualTo(ServerTls.pem(Path.of("server.crt"), Path.of("server.key")));
    assertThat(p12.insecure()).isTrue();
    assertThat(p12.tls()).isEqualTo(ServerTls.pkcs12(Path.of("server.p12"), "pw"));
    assertThat(p12.tls().toString()).doesNotContain("pw]").contains("hidden");
  }

  @Test
  void optionsThatDoNotGoTogetherAreRefusedNamingThem() {
    assertThatThrownBy(() -> parse("--tls-cert", "a.crt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-key");
    assertThatThrownBy(
            () -> parse("--tls-cert", "a.crt", "--tls-key", "a.key", "--tls-keystore", "a.p12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    if (System.getenv("WEFT_TLS_KEYSTORE_PASSWORD") == null) {
      assertThatThrownBy(() -> parse("--tls-keystore", "a.p12"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("WEFT_TLS_KEYSTORE_PASSWORD");
    }
    assertThatThrownBy(() -> parse("--tls-keystore-password", "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-keystore");
  }
}
