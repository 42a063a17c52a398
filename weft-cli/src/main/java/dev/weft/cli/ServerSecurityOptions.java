package dev.weft.cli;

import dev.weft.server.ServerTls;
import dev.weft.server.WeftServerOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The security options of a command that serves the HTTP API ({@code weft server}): token
 * authentication, {@code --insecure}, and TLS from PEM files or a PKCS#12 key store. A picocli
 * mixin; {@link #applyTo} turns them into the server's options.
 *
 * <pre>
 * weft server --bind 0.0.0.0 --token-auth --tls-cert server.crt --tls-key server.key
 * weft server --bind 0.0.0.0 --token-auth --tls-keystore server.p12   # password: WEFT_TLS_KEYSTORE_PASSWORD
 * weft server --bind 10.0.0.5 --insecure                              # a trusted network only
 * </pre>
 */
final class ServerSecurityOptions {

  @Option(
      names = "--token-auth",
      description =
          "require an API token on every route but health, readiness, the OpenAPI document and"
              + " metrics (make the first with: weft token create --store ... --role admin"
              + " --namespaces '*')")
  private boolean tokenAuth;

  @Option(
      names = "--insecure",
      description =
          "serve an address other than loopback without tokens: anyone who reaches it may do"
              + " anything (refused otherwise)")
  private boolean insecure;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "serve HTTPS with this PEM certificate chain (the server's first); with --tls-key")
  private Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "the PEM private key of --tls-cert, unencrypted PKCS#8 (BEGIN PRIVATE KEY)")
  private Path tlsKey;

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE",
      description = "serve HTTPS with this PKCS#12 key store (one key entry and its chain)")
  private Path tlsKeystore;

  @Option(
      names = "--tls-keystore-password",
      paramLabel = "PASSWORD",
      defaultValue = "${env:WEFT_TLS_KEYSTORE_PASSWORD}",
      description =
          "the password of --tls-keystore (default: the environment variable"
              + " WEFT_TLS_KEYSTORE_PASSWORD, which keeps it off the process list)")
  private String tlsKeystorePassword;

  /**
   * Returns {@code base} with these options applied.
   *
   * @throws IllegalArgumentException naming the options that do not go together (exit code 2)
   */
  WeftServerOptions applyTo(WeftServerOptions base) {
    return base.withTokenAuth(tokenAuth).withInsecure(insecure).withTls(tls());
  }

  private ServerTls tls() {
    boolean pem = tlsCert != null || tlsKey != null;
    if (pem && tlsKeystore != null) {
      throw new IllegalArgumentException(
          "give either --tls-cert and --tls-key (PEM) or --tls-keystore (PKCS#12), not both");
    }
    if (pem) {
      if (tlsCert == null || tlsKey == null) {
        throw new IllegalArgumentException(
            "--tls-cert and --tls-key go together: give both, or --tls-keystore");
      }
      return ServerTls.pem(tlsCert, tlsKey);
    }
    if (tlsKeystore != null) {
      if (tlsKeystorePassword == null) {
        throw new IllegalArgumentException(
            "--tls-keystore needs its password: --tls-keystore-password or the environment"
                + " variable WEFT_TLS_KEYSTORE_PASSWORD");
      }
      return ServerTls.pkcs12(tlsKeystore, tlsKeystorePassword);
    }
    if (tlsKeystorePassword != null && !tlsKeystorePassword.isEmpty() && isExplicitPassword()) {
      throw new IllegalArgumentException("--tls-keystore-password needs --tls-keystore");
    }
    return null;
  }

  /** The password option was given on the command line, not only through the environment. */
  private boolean isExplicitPassword() {
    return !tlsKeystorePassword.equals(System.getenv("WEFT_TLS_KEYSTORE_PASSWORD"));
  }
}
